package org.arflow.invoice.discount;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One early-payment discount an invoice was issued with. The discount is computed once on the document total
 * and rounded HALF_UP to the currency's minor unit. The discounted amount is the total less that discount.
 *
 * @param lastDay the last day a payment earns the discount
 */
public record OfferedDiscount(int tier, BigDecimal ratePercent, LocalDate lastDay, BigDecimal discountAmount,
        BigDecimal discountedAmount) {
}
