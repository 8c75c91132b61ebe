package org.arflow.invoice.discount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.arflow.rules.RuleSetCheck;
import org.springframework.stereotype.Component;

/** Sample invoices that every new set of early-payment discount rules must evaluate without failing. */
@Component
public class DiscountRulesCheck implements RuleSetCheck {

    @Override
    public String ruleFile() {
        return EarlyPaymentDiscounts.RULE_FILE;
    }

    @Override
    public List<List<Object>> sampleFacts() {
        LocalDate issued = LocalDate.of(2025, 1, 15);
        List<PaymentTerms.DiscountTier> tiered = List.of(new PaymentTerms.DiscountTier(new BigDecimal("2"), 7),
                new PaymentTerms.DiscountTier(BigDecimal.ONE, 14));
        return List.of(
                List.of(new DiscountRequest("SAMPLE-1", "2/7 1/14 net 30", tiered, issued, new BigDecimal("1234.25"),
                        "EUR", "A", false), new DiscountDecision()),
                List.of(new DiscountRequest("SAMPLE-2", "net 30", List.of(), issued, new BigDecimal("100.00"), "EUR",
                        "D", true), new DiscountDecision()));
    }
}
