package org.arflow.customer.credit;

/**
 * A credit score from 0 (worst) to 100 (best).
 *
 * @param source where it came from, such as {@code application} or {@code ledger-payment-history}
 */
public record CreditScore(String source, int value) {
}
