package org.arflow.invoice;

/**
 * A posting changed an invoice's open balance. Published in process only, not stored, because the postings
 * themselves are the record.
 */
public record InvoiceBalanceChanged(long invoiceId, String invoiceNumber, long customerId, String currency) {
}
