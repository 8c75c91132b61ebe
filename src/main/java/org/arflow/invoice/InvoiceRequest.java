package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the JSON API receives it.
 *
 * @param customer the customer's external id
 * @param sendInvoice whether ARflow e-mails the invoice; {@code false} when the ERP already sent it
 * @param paymentTerms the invoice's own terms, such as {@code 2/10 net 30}; left out for the customer's terms,
 *     and when the due date is left out it follows from the terms
 */
record InvoiceRequest(
        String invoiceNumber,
        String customer,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        String reference,
        Boolean sendInvoice,
        List<Line> lines,
        String paymentTerms) {

    /** @param discountPercent the line discount in percent, such as 10 for 10 % */
    record Line(String itemCode, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxAmount) {
    }

    InvoiceDraft toDraft() {
        List<InvoiceDraft.LineDraft> draftLines = lines == null ? List.of() : lines.stream()
                .map(line -> new InvoiceDraft.LineDraft(null, line.itemCode(), line.description(), line.quantity(),
                        line.unitPrice(), line.discountPercent(), line.taxAmount()))
                .toList();
        return new InvoiceDraft(invoiceNumber, currency, issueDate, dueDate, reference, null, draftLines,
                paymentTerms);
    }
}
