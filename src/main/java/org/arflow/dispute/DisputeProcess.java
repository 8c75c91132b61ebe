package org.arflow.dispute;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts the dispute-resolution process, one instance per dispute, business key {@code dispute-<id>}. */
@Component
class DisputeProcess {

    static final String PROCESS_KEY = "disputeResolution";

    private final RuntimeService runtimeService;

    DisputeProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void start(Dispute dispute) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, "dispute-" + dispute.id(),
                Variables.createVariables().putValue(DisputeDelegates.DISPUTE_ID, dispute.id()));
    }
}
