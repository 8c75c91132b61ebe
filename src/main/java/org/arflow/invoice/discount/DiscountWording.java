package org.arflow.invoice.discount;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The invoice e-mail's lines about early-payment discounts, in the customer's language (English fallback). */
final class DiscountWording {

    private static final Map<String, String> LINES = Map.of(
            "en", "Early-payment discount: pay %1$s by %2$s and save %3$s %%.",
            "de", "Skonto: Bei Zahlung von %1$s bis zum %2$s sparen Sie %3$s %%.",
            "fr", "Escompte pour paiement anticipé : réglez %1$s au plus tard le %2$s et économisez %3$s %%.");

    private DiscountWording() {
    }

    /**
     * Returns an empty string without discounts, else the lines framed by line breaks, because the
     * templates place this value on the blank line between the payment details and the instructions.
     */
    static String describe(List<OfferedDiscount> discounts, Locale locale, NumberFormat money,
            DateTimeFormatter date) {
        if (discounts.isEmpty()) {
            return "";
        }
        String line = LINES.getOrDefault(locale.getLanguage(), LINES.get("en"));
        NumberFormat rate = NumberFormat.getNumberInstance(locale);
        rate.setMaximumFractionDigits(4);
        String lines = discounts.stream()
                .map(discount -> String.format(locale, line, money.format(discount.discountedAmount()),
                        date.format(discount.lastDay()), rate.format(discount.ratePercent())))
                .collect(Collectors.joining("\n"));
        return "\n" + lines + "\n";
    }
}
