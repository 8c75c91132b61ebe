package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.arflow.rules.RuleSetCheck;
import org.springframework.stereotype.Component;

/** Sample cases that every rule base must evaluate without error before the dunning policy goes live. */
@Component
public class DunningPolicyCheck implements RuleSetCheck {

    @Override
    public String ruleFile() {
        return "dunning-policy.drl";
    }

    @Override
    public List<List<Object>> sampleFacts() {
        LocalDate today = LocalDate.of(2025, 6, 2);
        List<List<Object>> samples = new ArrayList<>();
        for (int level = 0; level <= 6; level++) {
            samples.add(List.of(facts(today, today.minusDays(40), level, null, false), new DunningDecision()));
        }
        samples.add(List.of(facts(today, null, 2, null, false), new DunningDecision()));
        samples.add(List.of(facts(today, today.minusDays(25), 3, "NO_ANSWER", true), new DunningDecision()));
        return samples;
    }

    private static DunningFacts facts(LocalDate today, LocalDate oldestDue, int level, String callOutcome,
            boolean promiseBroken) {
        BigDecimal overdue = oldestDue == null ? BigDecimal.ZERO : new BigDecimal("250.00");
        return new DunningFacts(0, "EUR", today, oldestDue, overdue, BigDecimal.ZERO, level,
                today.minusDays(3), callOutcome, 1, false, false, false, null, promiseBroken, today.minusDays(1));
    }
}
