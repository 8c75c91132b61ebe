package org.arflow.invoice.imports;

import java.util.List;

/**
 * The outcome of an import: the invoices it created, those already stored from an earlier import, and every
 * rejected row with the reason. A rejected invoice is not stored at all, and the others are stored.
 */
public record ImportReport(
        String layout,
        int rowsRead,
        List<String> invoicesCreated,
        List<String> invoicesAlreadyPresent,
        List<RejectedRow> rejected) {

    /**
     * @param line the line of the file, counting the header as line 1
     * @param invoiceNumber the invoice the row belongs to, if it could be read
     */
    public record RejectedRow(Integer line, String invoiceNumber, String field, String value, String reason) {
    }
}
