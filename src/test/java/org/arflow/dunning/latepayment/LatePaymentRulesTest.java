package org.arflow.dunning.latepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;
import org.arflow.rules.TestRuleEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The late-payment rules in {@code rules/late-payment.drl} against the statutory figures they must meet. */
class LatePaymentRulesTest {

    private static LatePaymentRules rules;

    @BeforeAll
    static void loadRules() {
        rules = new LatePaymentRules(TestRuleEngines.loaded());
    }

    @Test
    void euDirectiveFortyFiveDaysLate() {
        LocalDate due = LocalDate.of(2026, 2, 1);

        LatePaymentRules.Result result = rules.decide(facts("DE", "EUR", "10000.00", due, due.plusDays(1),
                due.plusDays(45), false, null), 2);

        assertThat(result.charge().getRegime()).isEqualTo("EU_DIRECTIVE");
        assertThat(result.periods().get(0).getRatePercent()).isEqualByComparingTo("10.15");
        assertThat(result.interest()).isEqualByComparingTo("125.14");
        assertThat(result.charge().getCompensation()).isEqualByComparingTo("40.00");
    }

    @Test
    void partPaymentLowersPrincipalFromNextDay() {
        LocalDate due = LocalDate.of(2026, 2, 1);
        TreeMap<LocalDate, BigDecimal> principalFrom = new TreeMap<>();
        principalFrom.put(due.plusDays(1), new BigDecimal("10000.00"));
        principalFrom.put(due.plusDays(16), new BigDecimal("4000.00"));

        LatePaymentRules.Result result = rules.decide(facts("DE", "EUR", "10000.00", due, due.plusDays(1),
                due.plusDays(45), false, null), 2, principalFrom);

        assertThat(result.periods()).hasSize(2);
        // 15 days on 10,000.00 and 30 days on 4,000.00 at 10.15 %: 270,000 x 10.15 / 36,500 = 75.082...
        assertThat(result.interest()).isEqualByComparingTo("75.08");
    }

    @Test
    void ukActThirtyDaysLate() {
        LocalDate due = LocalDate.of(2025, 8, 1);

        LatePaymentRules.Result result = rules.decide(facts("GB", "GBP", "10000.00", due, due.plusDays(1),
                due.plusDays(30), false, null), 2);

        assertThat(result.charge().getRegime()).isEqualTo("UK_LATE_PAYMENT_ACT");
        assertThat(result.periods().get(0).getRatePercent()).isEqualByComparingTo("12.25");
        assertThat(result.interest()).isEqualByComparingTo("100.68");
        assertThat(result.charge().getCompensation()).isEqualByComparingTo("100.00");
    }

    @Test
    void ukFixedSumsByDebtSize() {
        LocalDate due = LocalDate.of(2025, 8, 1);
        String[][] cases = {{"999.99", "40.00"}, {"1000.00", "70.00"}, {"9999.99", "70.00"}, {"10000.00", "100.00"}};

        for (String[] row : cases) {
            LatePaymentRules.Result result = rules.decide(facts("GB", "GBP", row[0], due, due.plusDays(1),
                    due.plusDays(10), false, null), 2);

            assertThat(result.charge().getCompensation()).as("debt %s", row[0]).isEqualByComparingTo(row[1]);
        }
    }

    @Test
    void laterChargeCoversOnlyNewDays() {
        LocalDate due = LocalDate.of(2026, 2, 1);

        LatePaymentRules.Result second = rules.decide(facts("DE", "EUR", "10000.00", due, due.plusDays(46),
                due.plusDays(60), true, null), 2);

        assertThat(second.periods()).hasSize(1);
        assertThat(second.periods().get(0).getDays()).isEqualTo(15);
        assertThat(second.interest()).isEqualByComparingTo("41.71");
        assertThat(second.charge().getCompensation()).isEqualByComparingTo("0");
    }

    @Test
    void euRateChangesAtHalfYear() {
        LocalDate due = LocalDate.of(2025, 6, 19);

        LatePaymentRules.Result result = rules.decide(facts("FR", "EUR", "3650.00", due, due.plusDays(1),
                LocalDate.of(2025, 7, 10), false, null), 2);

        assertThat(result.periods()).hasSize(2);
        assertThat(result.periods().get(0).getRatePercent()).isEqualByComparingTo("11.15");
        assertThat(result.periods().get(1).getRatePercent()).isEqualByComparingTo("10.15");
        // 11 days at 11.15 % and 10 days at 10.15 % on 3,650.00: 12.265 + 10.15 = 22.415, rounded once.
        assertThat(result.interest()).isEqualByComparingTo("22.42");
    }

    @Test
    void consumerGetsNoStatutoryInterest() {
        LocalDate due = LocalDate.of(2026, 2, 1);
        LateChargeFacts consumer = new LateChargeFacts("C-1", "EUR", "DE", true, new BigDecimal("500.00"), due,
                due.plusDays(1), due.plusDays(30), false, null);

        LatePaymentRules.Result result = rules.decide(consumer, 2);

        assertThat(result.charge().getRegime()).isEqualTo("NONE");
        assertThat(result.interest()).isEqualByComparingTo("0");
        assertThat(result.charge().getCompensation()).isEqualByComparingTo("0");
    }

    @Test
    void contractRateApplies() {
        LocalDate due = LocalDate.of(2026, 2, 1);

        LatePaymentRules.Result result = rules.decide(facts("US", "USD", "7300.00", due, due.plusDays(1),
                due.plusDays(10), false, new BigDecimal("5")), 2);

        assertThat(result.charge().getRegime()).isEqualTo("CONTRACT");
        assertThat(result.interest()).isEqualByComparingTo("10.00");
    }

    @Test
    void missingReferenceRateFailsInsteadOfChargingNothing() {
        LocalDate due = LocalDate.of(2024, 8, 1);

        assertThatThrownBy(() -> rules.decide(facts("DE", "EUR", "1000.00", due, due.plusDays(1), due.plusDays(5),
                false, null), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reference-rates.csv");
    }

    private static LateChargeFacts facts(String country, String currency, String principal, LocalDate due,
            LocalDate from, LocalDate to, boolean compensationCharged, BigDecimal contractRate) {
        return new LateChargeFacts("INV-1", currency, country, false, new BigDecimal(principal), due, from, to,
                compensationCharged, contractRate);
    }
}
