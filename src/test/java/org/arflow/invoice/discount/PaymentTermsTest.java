package org.arflow.invoice.discount;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.arflow.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentTermsTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "net 30|net 30", "NET30|net 30", "2/10 net 30|2/10 net 30", " 2/10   Net 30 |2/10 net 30",
            "2/7 1/14 net 30|2/7 1/14 net 30", "1.50/10 net 45|1.5/10 net 45", "net 0|net 0",
            "99.5/5 net 5|99.5/5 net 5"})
    void validTermsParse(String text, String code) {
        List<Violation> violations = new ArrayList<>();

        PaymentTerms terms = PaymentTerms.parse(text, "paymentTerms", violations);

        assertThat(violations).isEmpty();
        assertThat(terms.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', value = {
            "net thirty|not a known term code", "2/10|not a known term code", "30 days|not a known term code",
            "101/10 net 30|less than 100 %", "100/10 net 30|less than 100 %", "0/10 net 30|more than 0 %",
            "2/40 net 30|ends after the net term",
            "1/7 2/14 net 30|smaller rate", "2/14 1/7 net 30|longer window", "|expected terms"})
    void invalidTermsAreRejected(String text, String reason) {
        List<Violation> violations = new ArrayList<>();

        PaymentTerms terms = PaymentTerms.parse(text, "paymentTerms", violations);

        assertThat(terms).isNull();
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("paymentTerms");
            assertThat(violation.reason()).contains(reason);
        });
    }

    @Test
    void tiersKeepRatesAndDays() {
        PaymentTerms terms = PaymentTerms.parse("2/7 1/14 net 30", "paymentTerms", new ArrayList<>());

        assertThat(terms.tiers()).containsExactly(new PaymentTerms.DiscountTier(new BigDecimal("2"), 7),
                new PaymentTerms.DiscountTier(new BigDecimal("1"), 14));
        assertThat(terms.netDays()).isEqualTo(30);
    }
}
