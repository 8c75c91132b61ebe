package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as submitted through the API or read from an import file, before validation.
 *
 * @param currency the ISO 4217 code as given
 * @param declaredTotal a total the sender stated, checked against the computed one; {@code null} if none
 * @param paymentTerms the invoice's own terms, such as {@code 2/10 net 30}; {@code null} for the customer's
 */
public record InvoiceDraft(
        String invoiceNumber,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        String reference,
        BigDecimal declaredTotal,
        List<LineDraft> lines,
        String paymentTerms) {

    /** Creates a draft on the customer's payment terms, as the import files give it. */
    public InvoiceDraft(String invoiceNumber, String currency, LocalDate issueDate, LocalDate dueDate,
            String reference, BigDecimal declaredTotal, List<LineDraft> lines) {
        this(invoiceNumber, currency, issueDate, dueDate, reference, declaredTotal, lines, null);
    }

    /**
     * One submitted line.
     *
     * @param sourceLine the line of the import file it came from, or {@code null} for the JSON API
     */
    public record LineDraft(
            Integer sourceLine,
            String itemCode,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal taxAmount) {
    }
}
