package org.arflow.invoice.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.arflow.customer.CustomerDetails;
import org.arflow.error.Violation;
import org.arflow.invoice.InvoiceDraft;

/**
 * One CSV row read into the invoice model: the invoice-level values it repeats and the line it adds.
 *
 * @param customerKey what identifies the customer in this layout (external id or contact name)
 * @param contact the customer details to register when the customer is new, or {@code null}
 * @param violations problems found while reading the row's values
 */
record ParsedRow(
        int line,
        String invoiceNumber,
        String customerKey,
        CustomerDetails contact,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        String reference,
        BigDecimal declaredTotal,
        InvoiceDraft.LineDraft invoiceLine,
        List<Violation> violations) {

    boolean hasViolations() {
        return !violations.isEmpty();
    }

    /** Returns the invoice-level values that every row of one invoice must repeat unchanged. */
    List<Object> invoiceLevelValues() {
        return java.util.Arrays.asList(customerKey, issueDate, dueDate, currency, reference);
    }
}
