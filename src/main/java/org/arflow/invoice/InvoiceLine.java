package org.arflow.invoice;

import java.math.BigDecimal;

/**
 * One line of an invoice.
 *
 * @param discountPercent the line discount in percent, or {@code null} for none
 * @param netAmount quantity times unit price less the discount, rounded once to the currency's minor unit
 */
public record InvoiceLine(
        int lineNumber,
        String itemCode,
        String description,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        BigDecimal netAmount,
        BigDecimal taxAmount) {
}
