package org.arflow.invoice.discount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arflow.error.Violation;

/**
 * Payment terms written the way invoices print them: {@code net 30}, {@code 2/10 net 30} (2 % off when paid
 * within 10 days of the invoice date, else due in 30 days), or tiered {@code 2/7 1/14 net 30}.
 *
 * @param tiers the discount tiers, shortest window first; empty for terms without a discount
 * @param netDays the days from the invoice date to the due date
 */
public record PaymentTerms(List<DiscountTier> tiers, int netDays) {

    private static final Pattern TIER = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,4})?)/(\\d{1,3})");
    private static final Pattern NET = Pattern.compile("net\\s*(\\d{1,3})");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String EXAMPLE = "expected terms such as 'net 30', '2/10 net 30' or '2/7 1/14 net 30'";

    public PaymentTerms {
        tiers = List.copyOf(tiers);
    }

    /** Returns the terms in their normal spelling, such as {@code 2/10 net 30}. */
    public String code() {
        StringBuilder code = new StringBuilder();
        for (DiscountTier tier : tiers) {
            code.append(tier.ratePercent().stripTrailingZeros().toPlainString()).append('/').append(tier.days())
                    .append(' ');
        }
        return code.append("net ").append(netDays).toString();
    }

    /** Parses terms, or returns {@code null} and adds a violation naming {@code field} when they are invalid. */
    public static PaymentTerms parse(String text, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(Violation.of(field, text, EXAMPLE));
            return null;
        }
        String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<DiscountTier> tiers = new ArrayList<>();
        int index = 0;
        for (; index < words.length; index++) {
            Matcher tier = TIER.matcher(words[index]);
            if (!tier.matches()) {
                break;
            }
            tiers.add(new DiscountTier(new BigDecimal(tier.group(1)), Integer.parseInt(tier.group(2))));
        }
        String rest = String.join(" ", Arrays.copyOfRange(words, index, words.length));
        Matcher net = NET.matcher(rest);
        if (!net.matches()) {
            violations.add(Violation.of(field, text, "is not a known term code: " + EXAMPLE));
            return null;
        }
        PaymentTerms terms = new PaymentTerms(tiers, Integer.parseInt(net.group(1)));
        return terms.check(text, field, violations) ? terms : null;
    }

    private boolean check(String text, String field, List<Violation> violations) {
        int before = violations.size();
        for (int index = 0; index < tiers.size(); index++) {
            DiscountTier tier = tiers.get(index);
            if (tier.ratePercent().signum() <= 0 || tier.ratePercent().compareTo(HUNDRED) >= 0) {
                violations.add(Violation.of(field, text, "the discount " + tier.ratePercent().toPlainString()
                        + " % must be more than 0 % and less than 100 %; give a rate such as 2 for 2 %"));
            }
            if (tier.days() > netDays) {
                violations.add(Violation.of(field, text, "the discount window of " + tier.days() + " days ends "
                        + "after the net term of " + netDays + " days"));
            }
            if (index > 0 && !isLaterAndSmaller(tiers.get(index - 1), tier)) {
                violations.add(Violation.of(field, text, "each further tier needs a longer window and a smaller "
                        + "rate, such as '2/7 1/14 net 30'"));
            }
        }
        return violations.size() == before;
    }

    private static boolean isLaterAndSmaller(DiscountTier previous, DiscountTier next) {
        return next.days() > previous.days() && next.ratePercent().compareTo(previous.ratePercent()) < 0;
    }

    /**
     * One early-payment discount: {@code ratePercent} off the document total when paid within {@code days}
     * days of the invoice date.
     */
    public record DiscountTier(BigDecimal ratePercent, int days) {
    }
}
