package org.arflow.dispute;

import java.util.stream.Stream;
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

    /** Returns whether another running instance resolves the dispute, found by business key or variable. */
    boolean hasOtherInstance(long disputeId, String processInstanceId) {
        var byKey = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey("dispute-" + disputeId).list();
        var byVariable = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(DisputeDelegates.DISPUTE_ID, disputeId).list();
        return Stream.concat(byKey.stream(), byVariable.stream())
                .anyMatch(instance -> !instance.getId().equals(processInstanceId));
    }

    void start(Dispute dispute) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, DisputeDelegates.businessKey(dispute.id()),
                Variables.createVariables().putValue(DisputeDelegates.DISPUTE_ID, dispute.id()));
    }
}
