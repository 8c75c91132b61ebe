package org.arflow.ledger.writeoff;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service task of {@code processes/write-off-approval.bpmn}. The user completing the approval task can set
 * any process variable, so the write-off comes from the business key and the requester from the stored
 * request. Only the decision and its note are read from the variables, and both are checked.
 */
@Configuration
class WriteOffDelegates {

    private static final String BUSINESS_KEY_PREFIX = "write-off-";

    /**
     * Posts or rejects the write-off as the user who completed the approval task decided. It runs in that
     * completion's transaction, so a rejected decision leaves the task open and nothing posted.
     */
    @Bean
    JavaDelegate decideWriteOff(WriteOffs writeOffs) {
        return execution -> writeOffs.decide(writeOffId(execution), approved(execution), decider(execution),
                decisionNote(execution));
    }

    static String businessKey(long writeOffId) {
        return BUSINESS_KEY_PREFIX + writeOffId;
    }

    private static long writeOffId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey().substring(BUSINESS_KEY_PREFIX.length()));
    }

    private static String decider(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (current == null) {
            throw new AuthorizationException("A write-off decision needs a signed-in credit manager; complete the "
                    + "task in Tasklist or with HTTP Basic credentials");
        }
        return current.getUserId();
    }

    private static boolean approved(DelegateExecution execution) {
        Object value = execution.getVariable("writeOffApproved");
        if (!(value instanceof Boolean approved)) {
            throw new FormFieldValidationException("writeOffApproved", "writeOffApproved '" + value
                    + "' is not a decision; send the Boolean true to approve or false to reject");
        }
        return approved;
    }

    private static String decisionNote(DelegateExecution execution) {
        Object value = execution.getVariable("decisionNote");
        if (!(value instanceof String note) || note.isBlank() || note.length() > 500) {
            throw new FormFieldValidationException("decisionNote", "decisionNote is required as text of at most "
                    + "500 characters: say why the write-off is approved or rejected");
        }
        return note.trim();
    }
}
