package org.arflow.invoice;

import java.time.LocalDate;

/** An invoice's open balance reached zero. */
public record InvoiceSettled(String invoiceNumber, long customerId, Settlement settlement, LocalDate settledOn) {
}
