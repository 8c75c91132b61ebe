package org.arflow.dispute;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contested part of an invoice.
 *
 * @param amount the disputed amount, at most the invoice's open balance when it was raised
 * @param description the customer's own words
 * @param raisedBy who recorded the dispute: a user id, or the system that reported it
 * @param ownerGroup the group the routing rules gave the resolution to
 * @param outcome how it was resolved: CREDIT_NOTE, CORRECTED_INVOICE or REJECTED
 */
public record Dispute(
        long id,
        String invoiceNumber,
        String customer,
        String reasonCode,
        BigDecimal amount,
        String currency,
        String description,
        String raisedBy,
        DisputeStatus status,
        LocalDate raisedOn,
        LocalDate resolvedOn,
        String ownerGroup,
        LocalDate slaDueOn,
        boolean escalated,
        String outcome,
        String resolutionNote,
        String creditNoteNumber,
        String correctedInvoiceNumber) {
}
