package org.arflow.ledger.writeoff;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of {@code processes/write-off-approval.bpmn}, with its four-eyes check. */
@Configuration
class WriteOffDelegates {

    /**
     * Posts or rejects the write-off as the user who completed the approval task decided. It runs in that
     * completion's transaction, so refusing the requester here leaves the task open and nothing posted.
     */
    @Bean
    JavaDelegate decideWriteOff(WriteOffs writeOffs) {
        return execution -> {
            String approver = fourEyes(execution);
            writeOffs.decide(((Number) execution.getVariable("writeOffId")).longValue(),
                    Boolean.TRUE.equals(execution.getVariable("writeOffApproved")), approver,
                    (String) execution.getVariable("decisionNote"));
        };
    }

    /** Returns the deciding user, refusing the requester and unauthenticated callers. */
    private static String fourEyes(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String requester = (String) execution.getVariable("requestedBy");
        if (current == null || current.getUserId().equals(requester)) {
            String decider = current == null ? "an unauthenticated caller" : "the requester " + requester;
            throw new AuthorizationException("A write-off needs a second person: it may not be decided by " + decider
                    + "; another credit manager must decide");
        }
        return current.getUserId();
    }
}
