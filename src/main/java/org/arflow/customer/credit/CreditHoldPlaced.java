package org.arflow.customer.credit;

import java.math.BigDecimal;

/** A customer was put on credit hold: the ERP should stop new orders on credit until it is released. */
public record CreditHoldPlaced(String customer, long customerId, String invoiceNumber, String reasonCode,
        BigDecimal exposure, BigDecimal creditLimit, String currency) {
}
