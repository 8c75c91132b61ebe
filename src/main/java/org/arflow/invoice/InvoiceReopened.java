package org.arflow.invoice;

/** A settled invoice is open again because its balance rose, as when the payment that settled it came back. */
public record InvoiceReopened(String invoiceNumber, long customerId, InvoiceStatus previousStatus) {
}
