package org.arflow.invoice.discount;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceStatus;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.TestRuleEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Runs {@code rules/early-payment-discount.drl} against its documented cases, and prices each offer the way
 * invoices are issued: once on the document total, rounded HALF_UP.
 */
class EarlyPaymentDiscountRulesTest {

    private static RuleEngine engine;

    @BeforeAll
    static void loadRules() {
        engine = TestRuleEngines.loaded();
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(files = "rules/cases/early-payment-discount.csv", numLinesToSkip = 1)
    void discountOffer(String name, String terms, LocalDate issueDate, BigDecimal total, String currency,
            String riskClass, boolean onHold, String outcome, String reasonCode, String discounts) {
        PaymentTerms parsed = PaymentTerms.parse(terms, "paymentTerms", new ArrayList<>());
        DiscountDecision decision = new DiscountDecision();
        DiscountRequest request = new DiscountRequest("CASE-1", parsed.code(), parsed.tiers(), issueDate, total,
                currency, riskClass, onHold);

        engine.evaluate(List.of(request, decision));

        assertThat(decision.getOutcome()).isEqualTo(outcome);
        assertThat(decision.getReasonCode()).isEqualTo(reasonCode);
        String priced = EarlyPaymentDiscounts.priced(decision.getOffers(), invoice(total, currency, issueDate))
                .stream()
                .map(offer -> offer.ratePercent().stripTrailingZeros().toPlainString() + "% to " + offer.lastDay()
                        + ": " + offer.discountAmount().toPlainString() + " off "
                        + offer.discountedAmount().toPlainString())
                .collect(Collectors.joining("; "));
        assertThat(priced).isEqualTo(discounts == null ? "" : discounts);
    }

    private static Invoice invoice(BigDecimal total, String currency, LocalDate issueDate) {
        return new Invoice(1, "CASE-1", 1, Currency.getInstance(currency), issueDate, issueDate.plusDays(30), null,
                total, BigDecimal.ZERO, total, InvoiceStatus.ISSUED, "API", false, null, null, null, "hash");
    }
}
