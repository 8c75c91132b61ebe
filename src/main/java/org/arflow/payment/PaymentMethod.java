package org.arflow.payment;

/** The method a customer paid by. */
public enum PaymentMethod {
    CARD,
    CHECK,
    BANK_TRANSFER,
    DIRECT_DEBIT,
    ONLINE,
    CASH
}
