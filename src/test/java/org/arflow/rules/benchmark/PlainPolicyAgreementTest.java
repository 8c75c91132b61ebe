package org.arflow.rules.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arflow.customer.credit.CreditApplication;
import org.arflow.customer.credit.CreditDecision;
import org.arflow.customer.credit.CreditExposure;
import org.arflow.customer.credit.CreditScore;
import org.arflow.customer.credit.CreditTerms;
import org.arflow.invoice.discount.DiscountDecision;
import org.arflow.invoice.discount.DiscountRequest;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.TestRuleEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's plain-Java policies decide the benchmark inputs as the rules do, so both do the same work. */
class PlainPolicyAgreementTest {

    private static RuleEngine engine;
    private static PlainCreditPolicy plainCredit;

    @BeforeAll
    static void load() {
        engine = TestRuleEngines.loaded();
        plainCredit = new PlainCreditPolicy(BenchmarkCases.countryGrades(TestRuleEngines.RULE_FOLDER));
    }

    @Test
    void invoiceChecksAgree() {
        for (CreditExposure exposure : BenchmarkCases.exposures()) {
            CreditDecision rules = new CreditDecision();
            CreditDecision plain = new CreditDecision();
            engine.evaluate(List.of(exposure, rules));
            plainCredit.decide(exposure, plain);
            assertThat(plain.getOutcome()).as(exposure.invoiceNumber()).isEqualTo(rules.getOutcome());
            assertThat(plain.getReasonCode()).as(exposure.invoiceNumber()).isEqualTo(rules.getReasonCode());
        }
    }

    @Test
    void applicationsAgree() {
        List<CreditApplication> applications = BenchmarkCases.applications();
        for (int index = 0; index < applications.size(); index++) {
            CreditScore score = new CreditScore("bench", BenchmarkCases.score(index));
            CreditTerms rules = new CreditTerms();
            CreditTerms plain = new CreditTerms();
            engine.evaluate(List.of(applications.get(index), score, rules));
            plainCredit.grant(applications.get(index), List.of(score), plain);
            assertThat(plain.getRiskClass()).as("application %d", index).isEqualTo(rules.getRiskClass());
            assertThat(plain.getCreditLimit()).as("application %d", index).isEqualTo(rules.getCreditLimit());
            assertThat(plain.getPaymentTerms()).as("application %d", index).isEqualTo(rules.getPaymentTerms());
        }
    }

    @Test
    void discountsAgree() {
        for (DiscountRequest request : BenchmarkCases.discountRequests()) {
            DiscountDecision rules = new DiscountDecision();
            DiscountDecision plain = new DiscountDecision();
            engine.evaluate(List.of(request, rules));
            new PlainDiscountPolicy().decide(request, plain);
            assertThat(plain.getOutcome()).as(request.invoiceNumber()).isEqualTo(rules.getOutcome());
            assertThat(plain.getReasonCode()).as(request.invoiceNumber()).isEqualTo(rules.getReasonCode());
            assertThat(plain.getOffers()).as(request.invoiceNumber()).isEqualTo(rules.getOffers());
        }
    }
}
