package org.arflow.dispute;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.arflow.clock.CompanyProperties;
import org.arflow.error.RejectedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code processes/dispute-resolution.bpmn}, each a bean named after its task. The business
 * key {@code dispute-<id>} names the dispute, and the {@code disputeId} variable does so only until the key is
 * set, because the user completing a task can change any variable.
 */
@Configuration
class DisputeDelegates {

    static final String DISPUTE_ID = "disputeId";
    private static final String BUSINESS_KEY_PREFIX = "dispute-";

    /** Records a dispute raised from Tasklist's start form; one raised through the API has its id already. */
    @Bean
    JavaDelegate recordDispute(DisputeService disputes) {
        return execution -> {
            if (execution.getVariable(DISPUTE_ID) != null) {
                disputes.requireStartable(disputeId(execution), execution.getProcessInstanceId());
                return;
            }
            try {
                Dispute dispute = disputes.openForProcess(text(execution, "invoiceNumber"),
                        text(execution, "reasonCode"), decimal(execution, "disputedAmount"),
                        text(execution, "description"), user(execution));
                execution.setVariable(DISPUTE_ID, dispute.id());
                execution.setProcessBusinessKey(businessKey(dispute.id()));
            } catch (RejectedException invalid) {
                throw new FormFieldValidationException("invoiceNumber", "The dispute cannot be raised: "
                        + invalid.getMessage());
            }
        };
    }

    @Bean
    JavaDelegate routeDispute(DisputeResolution resolution, CompanyProperties company) {
        return execution -> {
            Dispute routed = resolution.route(disputeId(execution));
            ZoneId zone = company.timeZone();
            execution.setVariable("ownerGroup", routed.ownerGroup());
            execution.setVariable("slaDue", Date.from(routed.slaDueOn().plusDays(1).atStartOfDay(zone).toInstant()));
            execution.setVariable("invoiceNumber", routed.invoiceNumber());
            execution.setVariable("reasonCode", routed.reasonCode());
            execution.setVariable("disputedAmount", routed.amount());
        };
    }

    @Bean
    JavaDelegate escalateDispute(DisputeResolution resolution, TaskService taskService) {
        return execution -> {
            resolution.escalate(disputeId(execution));
            execution.getProcessInstance().setVariable("escalated", true);
            List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey("resolveDispute").list();
            for (Task task : open) {
                taskService.addCandidateGroup(task.getId(), "managers");
                taskService.setPriority(task.getId(), 90);
            }
        };
    }

    @Bean
    JavaDelegate applyResolution(DisputeResolution resolution, DisputeService disputes) {
        return execution -> {
            requireOwner(execution, disputes.get(disputeId(execution)));
            try {
                Dispute resolved = resolution.resolve(disputeId(execution), text(execution, "resolutionOutcome"),
                        decimal(execution, "resolutionAmount"), text(execution, "resolutionNote"), user(execution));
                execution.setVariable("resolutionOutcome", resolved.outcome());
            } catch (RejectedException invalid) {
                throw new FormFieldValidationException("resolutionOutcome", "The dispute cannot be resolved: "
                        + invalid.getMessage());
            }
        };
    }

    @Bean
    JavaDelegate notifyCustomerOfOutcome(DisputeResolution resolution) {
        return execution -> resolution.notifyCustomer(disputeId(execution), execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate recordEvidence(DisputeResolution resolution) {
        return execution -> {
            String note = text(execution, "evidenceNote");
            if (note == null || note.isBlank()) {
                throw new FormFieldValidationException("evidenceNote", "evidenceNote is required: summarise the "
                        + "evidence found before the dispute goes to its owner");
            }
            resolution.recordEvidence(disputeId(execution), user(execution), note);
        };
    }

    /**
     * Lets only members of the owning group, managers after an escalation, or administrators resolve a
     * dispute, so that a user from another group cannot settle it through Tasklist or the REST API. It runs in
     * the transaction that completes the task, so a refusal leaves the task open.
     */
    private static void requireOwner(DelegateExecution execution, Dispute dispute) {
        Authentication current = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String owner = dispute.ownerGroup();
        List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
        boolean allowed = groups.contains(owner) || groups.contains("camunda-admin")
                || groups.contains("managers") && dispute.escalated();
        if (!allowed) {
            String caller = current == null ? "an unauthenticated caller" : "user " + current.getUserId();
            throw new AuthorizationException("Only the " + owner + " group may resolve this dispute, not " + caller
                    + "; assign the task to a member of " + owner);
        }
    }

    static String businessKey(long disputeId) {
        return BUSINESS_KEY_PREFIX + disputeId;
    }

    private static long disputeId(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey != null && businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
        }
        return ((Number) execution.getVariable(DISPUTE_ID)).longValue();
    }

    /** Reads a decimal form value, rejecting text such as "12,50" with the field's name. */
    private static BigDecimal decimal(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException invalid) {
            throw new FormFieldValidationException(name, name + " '" + value + "' is not a number; write it like "
                    + "120.50");
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String user(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? "system" : current.getUserId();
    }
}
