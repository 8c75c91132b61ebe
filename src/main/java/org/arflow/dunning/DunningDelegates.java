package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.time.format.DateTimeParseException;
import org.arflow.error.RejectedException;
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
    JavaDelegate recordCallOutcome(CaseCommands commands, CollectionCaseService cases) {
        return execution -> {
            Object promiseDate = execution.getVariable("promiseDate");
            Object promiseAmount = execution.getVariable("promiseAmount");
            boolean check;
            try {
                check = commands.recordCallOutcome(caseId(execution), text(execution, "callOutcome"),
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
                execution.setVariable("accountSummary", cases.callSummary(caseId(execution)));
            }
        };
    }

    @Bean
    JavaDelegate handOverToAgency(CaseCommands commands) {
        return execution -> commands.handOver(caseId(execution), text(execution, "agencyName"),
                decisionId(execution));
    }

    @Bean
    JavaDelegate recordAgencyDeclined(CaseCommands commands) {
        return execution -> commands.recordAgencyDeclined(caseId(execution), text(execution, "approvalNote"),
                decisionId(execution));
    }

    // NOTE: caseId is a process variable, so the credit manager completing the hand-over task could point it
    // at another case. Checking it against the business key (customer/currency) would close that.
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
