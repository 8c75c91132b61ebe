package org.arflow.customer.credit;

/** What the credit policy decided about a new invoice, from the least to the most severe. */
public enum CreditOutcome {
    APPROVE,
    REVIEW,
    HOLD
}
