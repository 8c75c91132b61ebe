package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice passed its due date unpaid; the collection case of its customer picks it up. */
public record InvoiceOverdue(String invoiceNumber, long customerId, String currency, BigDecimal openBalance,
        LocalDate dueDate, LocalDate overdueOn) {
}
