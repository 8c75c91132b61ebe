package org.arflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.TestRuleEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default ladder of {@code rules/dunning-policy.drl}, one row per case: the level reached, the days the
 * oldest chased invoice is past due, the customer's flags, and the expected action, step, due day (relative to
 * today, negative for a step already late) and reason.
 */
class DunningPolicyRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    private static RuleEngine engine;

    @BeforeAll
    static void loadRules() {
        engine = TestRuleEngines.loaded();
    }

    private record Case(int level, Integer daysPastDue, String flags, String action, String step, Integer dueInDays,
            String reason) {
    }

    private static final List<Case> CASES = List.of(
            new Case(0, 1, "", "STEP", "REMINDER", 2, "LADDER_LEVEL_1"),
            new Case(0, 3, "", "STEP", "REMINDER", 0, "LADDER_LEVEL_1"),
            new Case(1, 5, "", "STEP", "SECOND_REMINDER", 9, "LADDER_LEVEL_2"),
            new Case(2, 21, "", "STEP", "PHONE_CALL", 0, "LADDER_LEVEL_3"),
            new Case(3, 25, "", "STEP", "DEMAND_LETTER", 5, "LADDER_LEVEL_4"),
            new Case(3, 25, "no-answer", "STEP", "PHONE_CALL", 1, "CALL_RETRY"),
            new Case(4, 50, "", "STEP", "FINAL_NOTICE", -5, "LADDER_LEVEL_5"),
            new Case(5, 50, "", "STEP", "AGENCY_HANDOVER", 10, "LADDER_LEVEL_6"),
            new Case(6, 70, "", "HOLD", null, null, "AGENCY_PROPOSAL_DECLINED"),
            new Case(3, 40, "insolvent", "HOLD", null, null, "CUSTOMER_INSOLVENT"),
            new Case(3, 40, "consumer", "HOLD", null, null, "CONSUMER_CUSTOMER"),
            new Case(2, 40, "consumer", "STEP", "PHONE_CALL", -19, "LADDER_LEVEL_3"),
            new Case(2, null, "", "CLOSE", null, null, "NOTHING_OVERDUE"),
            new Case(2, null, "disputed", "HOLD", null, null, "ONLY_DISPUTED_AMOUNTS"),
            new Case(2, 30, "paused", "HOLD", null, null, "PAUSED"),
            new Case(1, 30, "small", "WAIT", null, 7, "AMOUNT_BELOW_MINIMUM"),
            new Case(3, 22, "promise", "WAIT", null, 6, "PROMISE_TO_PAY"),
            new Case(3, 25, "broken", "STEP", "DEMAND_LETTER", 0, "PROMISE_BROKEN"),
            new Case(2, 40, "recent", "STEP", "PHONE_CALL", 6, "LADDER_LEVEL_3"),
            new Case(4, 80, "resumed", "STEP", "FINAL_NOTICE", 0, "LADDER_LEVEL_5"));

    @Test
    void defaultLadderMeetsItsTable() {
        for (Case row : CASES) {
            DunningDecision decision = new DunningDecision();

            engine.evaluate(List.of(facts(row), decision));

            String label = row.toString();
            assertThat(decision.getAction()).as(label).hasToString(row.action());
            assertThat(decision.getStep() == null ? null : decision.getStep().name()).as(label).isEqualTo(row.step());
            assertThat(decision.getReasonCode()).as(label).isEqualTo(row.reason());
            if (row.dueInDays() != null) {
                assertThat(decision.getDueOn()).as(label).isEqualTo(TODAY.plusDays(row.dueInDays()));
            }
        }
    }

    @Test
    void stepDateFollowsOldestChasedInvoice() {
        DunningDecision first = new DunningDecision();
        DunningDecision reanchored = new DunningDecision();

        engine.evaluate(List.of(facts(new Case(1, 10, "", null, null, null, null)), first));
        engine.evaluate(List.of(facts(new Case(1, 2, "", null, null, null, null)), reanchored));

        assertThat(first.getDueOn()).isEqualTo(TODAY.plusDays(4));
        assertThat(reanchored.getDueOn()).isEqualTo(TODAY.plusDays(12));
    }

    @Test
    void sendingHoursComeFromPolicy() {
        DunningDecision decision = new DunningDecision();

        engine.evaluate(List.of(facts(new Case(0, 3, "", null, null, null, null)), decision));

        assertThat(decision.getSendFrom()).hasToString("09:00");
        assertThat(decision.getSendUntil()).hasToString("17:00");
    }

    private static DunningFacts facts(Case row) {
        LocalDate oldestDue = row.daysPastDue() == null ? null : TODAY.minusDays(row.daysPastDue());
        BigDecimal overdue = oldestDue == null ? BigDecimal.ZERO
                : row.flags().equals("small") ? new BigDecimal("3.00") : new BigDecimal("420.00");
        BigDecimal disputed = row.flags().equals("disputed") ? new BigDecimal("100.00") : BigDecimal.ZERO;
        boolean noAnswer = row.flags().equals("no-answer");
        LocalDate promiseDue = row.flags().equals("promise") ? TODAY.plusDays(5) : null;
        LocalDate lastStep = noAnswer || row.flags().equals("recent") ? TODAY.minusDays(1) : TODAY.minusDays(30);
        LocalDate resumed = row.flags().equals("resumed") ? TODAY.plusDays(0) : null;
        return new DunningFacts(1, "EUR", TODAY, oldestDue, overdue, disputed, row.level(), lastStep,
                noAnswer ? "NO_ANSWER" : null, noAnswer ? 1 : 0, row.flags().equals("paused"),
                row.flags().equals("insolvent"), row.flags().equals("consumer"), promiseDue,
                row.flags().equals("broken"), resumed);
    }
}
