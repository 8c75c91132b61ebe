package org.arflow.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arflow.customer.credit.CreditPolicyCheck;
import org.arflow.dispute.DisputeRoutingCheck;
import org.arflow.dunning.DunningPolicyCheck;
import org.arflow.dunning.latepayment.LatePaymentCheck;
import org.arflow.invoice.discount.DiscountRulesCheck;

/** Builds rule engines from a rule folder without Spring, with the checks the application runs. */
public final class TestRuleEngines {

    public static final Path RULE_FOLDER = Path.of("rules");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-03T09:00:00Z"), ZoneOffset.UTC);

    private TestRuleEngines() {
    }

    /** Returns an engine with the rule folder loaded, or throws when it does not compile. */
    public static RuleEngine loaded(Path folder) {
        RuleEngine engine = new RuleEngine(new RulesProperties(folder, false, 10_000), CLOCK,
                List.of(new CreditPolicyCheck(), new DiscountRulesCheck(), new DunningPolicyCheck(),
                        new LatePaymentCheck(), new DisputeRoutingCheck()));
        engine.afterPropertiesSet();
        return engine;
    }

    public static RuleEngine loaded() {
        return loaded(RULE_FOLDER);
    }
}
