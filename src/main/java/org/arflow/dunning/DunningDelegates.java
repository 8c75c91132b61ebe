package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.time.format.DateTimeParseException;
import org.arflow.error.RejectedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code processes/dunning.bpmn}, each a bean named after its task id. The process
 * variables are {@code caseId} and what the last decision set: {@code action}, {@code step}, {@code level},
 * {@code executeAt}, {@code dueNow}, {@code decisionId}.
 */
@Configuration
class DunningDelegates {

    static final String CASE_ID = DunningProcess.CASE_ID;

    @Bean
    JavaDelegate decideNextStep(CollectionCaseService cases) {
        return execution -> {
            long caseId = caseId(execution);
            NextStep next = cases.decide(caseId);
            execution.setVariable("action", next.action().name());
            execution.setVariable("step", next.step() == null ? null : next.step().name());
            execution.setVariable("level", next.level());
            execution.setVariable("executeAt", next.executeAt() == null ? null : Date.from(next.executeAt()));
            execution.setVariable("dueNow", next.dueNow());
            execution.setVariable("decisionId", next.decisionId());
            execution.setVariable("flatFee", next.flatFee());
            execution.setVariable("reasonCode", next.reasonCode());
            execution.setVariable("customerName", cases.customerName(caseId));
            if (next.step() == DunningStep.PHONE_CALL && next.dueNow()) {
                execution.setVariable("accountSummary", cases.callSummary(caseId));
                execution.setVariable("callPriority", cases.callPriority(caseId));
            }
        };
    }

    @Bean
    JavaDelegate sendDunningEmail(DunningSteps steps) {
        return execution -> steps.sendEmail(caseId(execution), DunningStep.valueOf(text(execution, "step")),
                level(execution), decisionId(execution), execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate chargeLatePayment(LateCharges charges, DunningSteps steps) {
        return execution -> {
            if (!steps.alreadySent(caseId(execution), DunningStep.DEMAND_LETTER, "letter")) {
                charges.charge(caseId(execution), level(execution), (BigDecimal) execution.getVariable("flatFee"));
            }
        };
    }

    @Bean
    JavaDelegate sendDemandLetter(DunningSteps steps) {
        return execution -> {
            if (!steps.alreadySent(caseId(execution), DunningStep.DEMAND_LETTER, "letter")) {
                steps.sendDemandLetter(caseId(execution), level(execution), decisionId(execution),
                        execution.getProcessInstanceId());
            }
        };
    }

    @Bean
    JavaDelegate recordCallOutcome(CaseCommands commands, CollectionCaseService cases,
            CollectionCaseRepository repository) {
        return execution -> {
            long caseId = caseIdAfterTask(execution, repository);
            Object promiseDate = execution.getVariable("promiseDate");
            Object promiseAmount = execution.getVariable("promiseAmount");
            boolean check;
            try {
                check = commands.recordCallOutcome(caseId, text(execution, "callOutcome"),
                        promiseAmount == null ? null : new BigDecimal(promiseAmount.toString()),
                        promiseDate == null ? null : LocalDate.parse(promiseDate.toString().substring(0, 10)),
                        text(execution, "disputedInvoice"), text(execution, "disputeReason"),
                        text(execution, "callNote"), collector(execution), decisionId(execution));
            } catch (RejectedException | DateTimeParseException | NumberFormatException invalid) {
                // The engine REST API returns 400 for a form validation failure, so Tasklist shows the reason.
                throw new FormFieldValidationException("callOutcome", "The call outcome cannot be recorded: "
                        + invalid.getMessage());
            }
            execution.setVariable("cashApplicationCheck", check);
            if (check) {
                execution.setVariable("accountSummary", cases.callSummary(caseId));
            }
        };
    }

    @Bean
    JavaDelegate handOverToAgency(CaseCommands commands, CollectionCaseRepository repository) {
        return execution -> commands.handOver(caseIdAfterTask(execution, repository), text(execution, "agencyName"),
                decisionId(execution));
    }

    @Bean
    JavaDelegate recordAgencyDeclined(CaseCommands commands, CollectionCaseRepository repository) {
        return execution -> commands.recordAgencyDeclined(caseIdAfterTask(execution, repository),
                text(execution, "approvalNote"),
                decisionId(execution));
    }

    /**
     * Returns the case id after a user task, checked against the business key: the user completing the task
     * can overwrite the caseId variable, but not the key, which names the case's customer and currency.
     */
    private static long caseIdAfterTask(DelegateExecution execution, CollectionCaseRepository cases) {
        long caseId = caseId(execution);
        boolean ownCase = cases.findById(caseId)
                .filter(kase -> kase.businessKey().equals(execution.getProcessBusinessKey()))
                .filter(kase -> kase.status() != CaseStatus.CLOSED)
                .isPresent();
        if (!ownCase) {
            throw new AuthorizationException("Case " + caseId + " is not the open case of the dunning process "
                    + execution.getProcessBusinessKey() + "; complete the task without setting caseId");
        }
        return caseId;
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CASE_ID)).longValue();
    }

    private static int level(DelegateExecution execution) {
        return ((Number) execution.getVariable("level")).intValue();
    }

    private static long decisionId(DelegateExecution execution) {
        return ((Number) execution.getVariable("decisionId")).longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String collector(DelegateExecution execution) {
        Object assignee = execution.getVariable("collector");
        String current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? null : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
                        .getUserId();
        if (current != null) {
            return current;
        }
        return assignee == null ? "collector" : assignee.toString();
    }
}
