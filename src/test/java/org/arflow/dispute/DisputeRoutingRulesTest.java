package org.arflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.TestRuleEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default routing of {@code rules/dispute-routing.drl}: reason and amount to owning group and SLA. */
class DisputeRoutingRulesTest {

    private static RuleEngine engine;

    @BeforeAll
    static void loadRules() {
        engine = TestRuleEngines.loaded();
    }

    @Test
    void routesEachReasonToItsOwner() {
        String[][] cases = {
            {"PRICING", "100", "billing", "5"}, {"TERMS", "100", "billing", "5"},
            {"DUPLICATE_BILLING", "100", "billing", "5"}, {"ALREADY_PAID", "100", "billing", "5"},
            {"OTHER", "100", "billing", "5"}, {"QUANTITY", "100", "billing", "5"},
            {"NOT_RECEIVED", "100", "logistics", "5"}, {"QUALITY", "100", "sales", "10"},
            {"QUALITY", "10000", "sales", "3"}, {"WARRANTY", "100", "billing", "10"}};

        for (String[] row : cases) {
            DisputeRouting routing = new DisputeRouting();

            engine.evaluate(List.of(new DisputeRoutingFacts(row[0], new BigDecimal(row[1]), "EUR"), routing));

            assertThat(routing.getOwnerGroup()).as("%s %s", row[0], row[1]).isEqualTo(row[2]);
            assertThat(routing.getSlaBusinessDays()).as("%s %s", row[0], row[1]).isEqualTo(Integer.parseInt(row[3]));
        }
    }

    @Test
    void slaCountsBusinessDays() {
        LocalDate friday = LocalDate.of(2027, 3, 5);

        assertThat(DisputeResolution.addBusinessDays(friday, 1)).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(DisputeResolution.addBusinessDays(friday, 5)).isEqualTo(LocalDate.of(2027, 3, 12));
    }
}
