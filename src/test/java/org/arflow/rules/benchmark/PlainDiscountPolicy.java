package org.arflow.rules.benchmark;

import org.arflow.invoice.discount.DiscountDecision;
import org.arflow.invoice.discount.DiscountRequest;
import org.arflow.invoice.discount.PaymentTerms;

/** {@code rules/early-payment-discount.drl} written in plain Java, as the benchmark's baseline. */
final class PlainDiscountPolicy {

    void decide(DiscountRequest request, DiscountDecision decision) {
        for (PaymentTerms.DiscountTier tier : request.tiers()) {
            decision.offer(tier.ratePercent(), request.issueDate().plusDays(tier.days()), "TERMS_DISCOUNT");
        }
        if (request.tiers().isEmpty()) {
            decision.withhold("NO_DISCOUNT_TERMS");
        }
        if (request.customerOnHold() && !request.tiers().isEmpty()) {
            decision.withhold("CUSTOMER_ON_HOLD");
        }
        if ("D".equals(request.riskClass()) && !request.tiers().isEmpty()) {
            decision.withhold("HIGH_RISK_CUSTOMER");
        }
    }
}
