package org.arflow.customer.credit;

/** The credit policy's decision about a new invoice, from the least to the most severe. */
public enum CreditOutcome {
    APPROVE,
    REVIEW,
    HOLD
}
