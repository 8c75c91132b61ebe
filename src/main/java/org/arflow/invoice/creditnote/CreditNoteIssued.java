package org.arflow.invoice.creditnote;

import java.math.BigDecimal;

/** A credit note reduced what a customer owes, on one invoice or as unapplied credit. */
public record CreditNoteIssued(String creditNoteNumber, long customerId, String invoiceNumber, String currency,
        BigDecimal amount) {
}
