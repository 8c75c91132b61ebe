package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An issued invoice. Its amounts are fixed at issue; what is still owed is derived from the ledger.
 *
 * @param source where the invoice came from: API, CSV or XERO_CSV
 * @param sendInvoice whether ARflow e-mails the invoice, or the ERP already did
 */
public record Invoice(
        long id,
        String invoiceNumber,
        long customerId,
        Currency currency,
        LocalDate issueDate,
        LocalDate dueDate,
        String reference,
        BigDecimal netAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        InvoiceStatus status,
        String source,
        boolean sendInvoice,
        LocalDate overdueOn,
        LocalDate settledOn,
        Settlement settlement,
        String contentHash) {
}
