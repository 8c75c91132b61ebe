package org.arflow.dispute;

import java.math.BigDecimal;
import java.util.List;
import org.arflow.rules.RuleSetCheck;
import org.springframework.stereotype.Component;

/** Sample disputes that every rule base must route without error before the routing rules go live. */
@Component
public class DisputeRoutingCheck implements RuleSetCheck {

    @Override
    public String ruleFile() {
        return "dispute-routing.drl";
    }

    @Override
    public List<List<Object>> sampleFacts() {
        return List.of(
                List.of(new DisputeRoutingFacts("QUANTITY", new BigDecimal("120.00"), "EUR"), new DisputeRouting()),
                List.of(new DisputeRoutingFacts("PRICING", new BigDecimal("25000.00"), "EUR"), new DisputeRouting()),
                List.of(new DisputeRoutingFacts("NEW_CODE", BigDecimal.ONE, "GBP"), new DisputeRouting()));
    }
}
