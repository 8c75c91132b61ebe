package org.arflow.dunning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arflow.rules.DecisionTrace;
import org.arflow.rules.Evaluation;
import org.arflow.rules.RuleEngine;
import org.springframework.stereotype.Component;

/** Runs the dunning-policy rules for one case and stores the decision with the facts it was made from. */
@Component
class DunningPolicy {

    static final String RULE_SET = "dunning-policy";

    private final RuleEngine engine;
    private final DecisionTrace trace;

    DunningPolicy(RuleEngine engine, DecisionTrace trace) {
        this.engine = engine;
        this.trace = trace;
    }

    /** A decision and the id under which the decision trace stored it. */
    record Decided(DunningDecision decision, long decisionId) {
    }

    Decided decide(DunningFacts facts, long customerId, String oldestInvoiceNumber) {
        DunningDecision decision = new DunningDecision();
        Evaluation evaluation = engine.evaluate(List.of(facts, decision));
        if (decision.getAction() == null) {
            throw new IllegalStateException("The dunning policy made no decision for case " + facts.caseId()
                    + "; rules fired: " + evaluation.firedRules() + ". Add a rule that covers these facts");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("DunningFacts", facts);
        long decisionId = trace.record(new DecisionTrace.Entry(RULE_SET, "NEXT_STEP", evaluation, customerId,
                oldestInvoiceNumber, outcome(decision), decision.getReasonCode(), input, decision));
        return new Decided(decision, decisionId);
    }

    private static String outcome(DunningDecision decision) {
        return decision.getStep() == null ? decision.getAction().name() : decision.getStep().name();
    }
}
