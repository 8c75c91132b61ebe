package org.arflow.invoice.discount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new invoice's payment terms, as the early-payment discount rules read them.
 *
 * @param tiers the discount tiers of the terms, shortest window first
 * @param riskClass the customer's risk class, A to D
 */
public record DiscountRequest(
        String invoiceNumber,
        String paymentTerms,
        List<PaymentTerms.DiscountTier> tiers,
        LocalDate issueDate,
        BigDecimal totalAmount,
        String currency,
        String riskClass,
        boolean customerOnHold) {
}
