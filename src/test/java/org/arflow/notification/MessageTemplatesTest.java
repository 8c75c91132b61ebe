package org.arflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void rendersEachLanguageWithFallback() {
        for (String language : new String[] {"en", "de", "fr", "nl"}) {
            MessageTemplates.Rendered rendered = templates.render("invoice-issued", Locale.forLanguageTag(language),
                    values());

            assertThat(rendered.subject()).as(language).contains("INV-7", "€10.00");
            assertThat(rendered.body()).as(language).contains("INV-7", "31 March 2026", "IBAN X", "Test Co")
                    .doesNotContain("{{");
        }
    }

    @Test
    void missingValueFailsNamingPlaceholder() {
        Map<String, String> values = values();
        values.remove("dueDate");

        assertThatThrownBy(() -> templates.render("invoice-issued", Locale.ENGLISH, values))
                .hasMessageContaining("{{dueDate}}");
    }

    @Test
    void untranslatedLanguageIsFormattedInEnglish() {
        assertThat(templates.formattingLocale("invoice-issued", Locale.forLanguageTag("es-ES")))
                .isEqualTo(Locale.UK);
        assertThat(templates.formattingLocale("invoice-issued", Locale.forLanguageTag("de-DE")))
                .isEqualTo(Locale.forLanguageTag("de-DE"));
    }

    @Test
    void validationNamesUnknownPlaceholder() {
        assertThatThrownBy(() -> templates.validate("broken-sample", List.of("en"), List.of("customerName")))
                .hasMessageContaining("{{amountOwed}}");
    }

    @Test
    void validationNamesMissingLanguage() {
        assertThatThrownBy(() -> templates.validate("broken-sample", List.of("en", "de"),
                List.of("customerName", "amountOwed")))
                .hasMessageContaining("has no de version");
    }

    @Test
    void shippedDunningTemplatesPassValidation() {
        for (String template : List.of("dunning-reminder", "dunning-second-reminder", "dunning-final-notice",
                "dunning-demand-letter")) {
            templates.validate(template, List.of("en", "de", "fr"), List.of("customerName", "companyName",
                    "invoiceTable", "totalDue", "paymentInstructions", "caseReference", "letterDate",
                    "customerAddress"));
        }
    }

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("invoiceNumber", "INV-7");
        values.put("customerName", "Acme");
        values.put("companyName", "Test Co");
        values.put("issueDate", "1 March 2026");
        values.put("dueDate", "31 March 2026");
        values.put("totalAmount", "€10.00");
        values.put("paymentInstructions", "IBAN X");
        values.put("earlyPaymentDiscount", "");
        return values;
    }
}
