package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One overdue invoice of a case with the figures dunning needs.
 *
 * @param balance the open balance, fees and interest included
 * @param principal what is left of the invoice total itself; payments reduce it first
 * @param charges the fees and interest still open: {@code balance - principal}
 * @param disputed the amount under open disputes, which is not chased
 * @param interestChargedTo the last day interest has been charged for, or {@code null}
 */
public record OverdueItem(
        long invoiceId,
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal totalAmount,
        BigDecimal balance,
        BigDecimal principal,
        BigDecimal charges,
        BigDecimal disputed,
        LocalDate interestChargedTo,
        boolean compensationCharged) {

    /** Returns what may be chased: the balance less the disputed amount, never below zero. */
    public BigDecimal chased() {
        BigDecimal chased = balance.subtract(disputed);
        return chased.signum() < 0 ? BigDecimal.ZERO : chased;
    }

    /** Returns the principal that interest runs on: the open principal less the disputed amount. */
    public BigDecimal interestBearing() {
        BigDecimal bearing = principal.subtract(disputed);
        return bearing.signum() < 0 ? BigDecimal.ZERO : bearing;
    }
}
