package org.arflow.customer.credit;

/**
 * The output of an invoice credit check. Each rule proposes an outcome with a reason code. The most severe
 * proposal is kept, and among proposals of equal severity the first, so no rule can weaken another's
 * objection.
 */
public final class CreditDecision {

    private CreditOutcome outcome;
    private String reasonCode;

    public void approve(String reason) {
        propose(CreditOutcome.APPROVE, reason);
    }

    public void review(String reason) {
        propose(CreditOutcome.REVIEW, reason);
    }

    public void hold(String reason) {
        propose(CreditOutcome.HOLD, reason);
    }

    private void propose(CreditOutcome proposed, String reason) {
        if (outcome == null || proposed.compareTo(outcome) > 0) {
            outcome = proposed;
            reasonCode = reason;
        }
    }

    /** Returns the outcome, or {@code null} when no rule decided. */
    public CreditOutcome getOutcome() {
        return outcome;
    }

    public String getReasonCode() {
        return reasonCode;
    }
}
