package org.arflow.invoice.discount;

import java.util.List;

/**
 * The payment terms an invoice was issued on and the discounts they offer, fixed at issue.
 *
 * @param source INVOICE when the invoice stated its own terms, CUSTOMER when they are the customer's
 * @param discountOutcome OFFER or NONE, as the early-payment discount rules decided
 */
public record InvoiceTerms(String paymentTerms, String source, String discountOutcome, String reasonCode,
        Long decisionId, List<OfferedDiscount> discounts) {
}
