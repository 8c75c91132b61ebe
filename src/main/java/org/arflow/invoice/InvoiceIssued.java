package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice entered the ledger. */
public record InvoiceIssued(String invoiceNumber, long customerId, String currency, BigDecimal totalAmount,
        LocalDate issueDate, LocalDate dueDate) {
}
