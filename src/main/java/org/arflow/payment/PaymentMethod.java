package org.arflow.payment;

/** How a customer paid. */
public enum PaymentMethod {
    CARD,
    CHECK,
    BANK_TRANSFER,
    DIRECT_DEBIT,
    ONLINE,
    CASH
}
