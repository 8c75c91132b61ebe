package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The action the dunning process takes after a decision.
 *
 * @param executeAt when the step is due or the wait ends; {@code null} for HOLD and CLOSE
 * @param dueNow whether the step is due at once, so the process carries it out without waiting
 */
record NextStep(DunningDecision.Action action, DunningStep step, int level, Instant executeAt, boolean dueNow,
        long decisionId, String reasonCode, BigDecimal flatFee) {
}
