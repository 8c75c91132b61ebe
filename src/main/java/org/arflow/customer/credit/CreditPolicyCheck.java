package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.arflow.rules.RuleSetCheck;
import org.springframework.stereotype.Component;

/**
 * Sample credit applications, one per risk class, and invoice checks that every new credit policy must
 * evaluate without failing.
 */
@Component
public class CreditPolicyCheck implements RuleSetCheck {

    @Override
    public String ruleFile() {
        return CreditPolicy.RULE_FILE;
    }

    @Override
    public List<List<Object>> sampleFacts() {
        return List.of(
                List.of(new CreditApplication("GB", new BigDecimal("10000"), "GBP", 6, 85, "2/10 net 30"),
                        new CreditScore("application", 85), new CreditTerms()),
                List.of(new CreditApplication("ES", null, "EUR", 3, 70, null), new CreditScore("application", 70),
                        new CreditTerms()),
                List.of(new CreditApplication("GB", new BigDecimal("2000"), "GBP", 1, null, null), new CreditTerms()),
                List.of(new CreditApplication("XK", null, "EUR", 0, 30, null), new CreditScore("application", 30),
                        new CreditTerms()),
                List.of(exposure(new BigDecimal("500"), 0, false), new CreditDecision()),
                List.of(exposure(new BigDecimal("25000"), 75, true), new CreditDecision()));
    }

    private static CreditExposure exposure(BigDecimal openBalance, int daysPastDue, boolean onHold) {
        BigDecimal invoice = new BigDecimal("1000");
        BigDecimal exposure = openBalance.add(invoice);
        return new CreditExposure("SAMPLE-1", "B", new BigDecimal("20000"), true, invoice, openBalance, exposure,
                exposure.multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("20000"), 0,
                        RoundingMode.DOWN).intValue(), BigDecimal.ZERO, daysPastDue, 0, onHold);
    }
}
