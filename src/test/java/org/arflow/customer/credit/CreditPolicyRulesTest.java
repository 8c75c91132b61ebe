package org.arflow.customer.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arflow.rules.Evaluation;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.TestRuleEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Runs {@code rules/credit-policy.drl} against its documented cases in {@code rules/cases/}: each row is one
 * test with its inputs, expected decision and reason code.
 */
class CreditPolicyRulesTest {

    private static RuleEngine engine;

    @BeforeAll
    static void loadRules() {
        engine = TestRuleEngines.loaded();
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "rules/cases/credit-application.csv", numLinesToSkip = 1)
    void creditApplication(String name, String country, int yearsTrading, BigDecimal requestedLimit, String scores,
            String requestedTerms, String riskClass, BigDecimal creditLimit, String paymentTerms, String reasonCode) {
        CreditTerms terms = new CreditTerms();
        List<Object> facts = new ArrayList<>();
        facts.add(new CreditApplication(country, requestedLimit, "EUR", yearsTrading, null, requestedTerms));
        if (scores != null) {
            Arrays.stream(scores.split(";")).map(score -> new CreditScore("case", Integer.parseInt(score)))
                    .forEach(facts::add);
        }
        facts.add(terms);

        engine.evaluate(facts);

        assertThat(terms.getRiskClass()).isEqualTo(riskClass);
        assertThat(terms.getCreditLimit()).isEqualByComparingTo(creditLimit);
        assertThat(terms.getPaymentTerms()).isEqualTo(paymentTerms);
        assertThat(terms.getReasonCode()).isEqualTo(reasonCode);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "rules/cases/invoice-credit-check.csv", numLinesToSkip = 1)
    void invoiceCreditCheck(String name, String riskClass, BigDecimal creditLimit, boolean sameCurrency,
            BigDecimal invoiceAmount, BigDecimal openBalance, BigDecimal overdueBalance, int oldestDaysPastDue,
            int brokenPromises, boolean onHold, CreditOutcome outcome, String reasonCode) {
        CreditDecision decision = new CreditDecision();
        CreditExposure exposure = exposure(riskClass, creditLimit, sameCurrency, invoiceAmount, openBalance,
                overdueBalance, oldestDaysPastDue, brokenPromises, onHold);

        engine.evaluate(List.of(exposure, decision));

        assertThat(decision.getOutcome()).isEqualTo(outcome);
        assertThat(decision.getReasonCode()).isEqualTo(reasonCode);
    }

    @Test
    void evaluationNamesFiredRules() {
        CreditDecision decision = new CreditDecision();
        CreditExposure exposure = exposure("B", new BigDecimal("1000"), true, new BigDecimal("2000"),
                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, false);

        Evaluation evaluation = engine.evaluate(List.of(exposure, decision));

        assertThat(evaluation.firedRules()).contains("Hold: exposure over the credit limit");
        assertThat(evaluation.version().contentHash()).startsWith("sha256:");
    }

    static CreditExposure exposure(String riskClass, BigDecimal creditLimit, boolean sameCurrency,
            BigDecimal invoiceAmount, BigDecimal openBalance, BigDecimal overdueBalance, int oldestDaysPastDue,
            int brokenPromises, boolean onHold) {
        BigDecimal total = openBalance.add(invoiceAmount);
        int percent = creditLimit.signum() == 0 ? 1000
                : total.multiply(BigDecimal.valueOf(100)).divide(creditLimit, 0, RoundingMode.DOWN).intValue();
        return new CreditExposure("CASE-1", riskClass, creditLimit, sameCurrency, invoiceAmount, openBalance, total,
                percent, overdueBalance, oldestDaysPastDue, brokenPromises, onHold);
    }
}
