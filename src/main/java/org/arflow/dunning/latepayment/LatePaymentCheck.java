package org.arflow.dunning.latepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.arflow.rules.RuleSetCheck;
import org.springframework.stereotype.Component;

/** Sample facts that every rule base must evaluate without error before the late-payment rules go live. */
@Component
public class LatePaymentCheck implements RuleSetCheck {

    @Override
    public String ruleFile() {
        return "late-payment.drl";
    }

    @Override
    public List<List<Object>> sampleFacts() {
        List<List<Object>> samples = new ArrayList<>();
        samples.add(sample("GB", "GBP", false));
        samples.add(sample("DE", "EUR", false));
        samples.add(sample("US", "USD", true));
        return samples;
    }

    private static List<Object> sample(String country, String currency, boolean consumer) {
        LocalDate due = LocalDate.of(2025, 3, 1);
        LateChargeFacts facts = new LateChargeFacts("CHECK-1", currency, country, consumer,
                new BigDecimal("1000.00"), due, due.plusDays(1), due.plusDays(30), false, null);
        List<Object> input = new ArrayList<>(List.of(facts, new LateCharge()));
        input.addAll(LatePaymentRules.halfYears(due.plusDays(1), due.plusDays(30)));
        return input;
    }
}
