package org.arflow.ledger;

import java.math.BigDecimal;

/**
 * A customer's position in one currency.
 *
 * @param openBalance what the customer owes on invoices, fees and interest
 * @param overdueBalance the part of {@code openBalance} on invoices whose due date has passed
 * @param unappliedCredit money received but not yet allocated to any invoice
 */
public record AccountBalance(String currency, BigDecimal openBalance, BigDecimal overdueBalance,
        BigDecimal unappliedCredit) {
}
