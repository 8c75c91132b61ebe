package org.arflow.dunning;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dunning process as the dunning feature drives it: one instance per collection case, business key
 * {@code <customer external id>/<currency>}. The model lives in {@code processes/dunning.bpmn}.
 */
@Component
class DunningProcess {

    static final String PROCESS_KEY = "dunning";
    static final String CASE_CHANGED = "CaseChanged";
    static final String CASE_ID = "caseId";

    private static final Logger log = LoggerFactory.getLogger(DunningProcess.class);
    private static final int CORRELATION_ATTEMPTS = 3;

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TransactionTemplate newTransaction;

    DunningProcess(RuntimeService runtimeService, IdentityService identityService,
            PlatformTransactionManager transactions) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    ProcessInstance start(long caseId, String businessKey) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey,
                Variables.createVariables().putValue(CASE_ID, caseId));
    }

    /**
     * Tells the case that something changed, once the caller's transaction has committed. The case then
     * decides again in a transaction of its own, so a payment never fails because its case was busy. A
     * correlation that loses a race with the case's own job is retried.
     */
    void signalAfterCommit(String businessKey) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            signal(businessKey);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal(businessKey);
            }
        });
    }

    /**
     * Correlates as the system, not as the user whose request caused the change: a collector who completes
     * a task may not update the dunning instance, yet the case must still hear of the change.
     */
    private void signal(String businessKey) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            signalWithRetry(businessKey);
        } catch (RuntimeException signalFailure) {
            // The change is committed; the case decides again at its next timer from the ledger as it is then.
            log.error("Case not signalled: businessKey={}", businessKey, signalFailure);
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    private void signalWithRetry(String businessKey) {
        for (int attempt = 1; attempt <= CORRELATION_ATTEMPTS; attempt++) {
            try {
                newTransaction.executeWithoutResult(status -> runtimeService.createMessageCorrelation(CASE_CHANGED)
                        .processInstanceBusinessKey(businessKey)
                        .correlateAllWithResult());
                return;
            } catch (OptimisticLockingException concurrentStep) {
                log.info("Case busy, signalling again: businessKey={} attempt={}", businessKey, attempt);
            }
        }
        // The case decides again at its next timer anyway, from the ledger as it is then.
        log.warn("Case not signalled after {} attempts: businessKey={}", CORRELATION_ATTEMPTS, businessKey);
    }
}
