package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.arflow.error.Violation;
import org.arflow.money.Currencies;
import org.arflow.money.Money;

/**
 * Checks an invoice draft and computes its amounts. Line nets are rounded once, HALF_UP, to the currency's
 * minor unit; the total is the sum of the rounded nets and the given tax amounts.
 */
final class InvoiceValidator {

    /** Invoice numbers appear in URLs, so characters with a meaning there ({@code / ? # %}) are excluded. */
    static final Pattern INVOICE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Unit prices and quantities may be finer than the currency, as price lists often are. */
    private static final int MAX_UNIT_DECIMALS = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Amounts are stored as numeric(19,4): 15 digits before the point; computed totals must fit too. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    private static final BigDecimal MAX_LINE_GROSS = new BigDecimal("10000000000000");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);

    private InvoiceValidator() {
    }

    /** The computed figures of a valid draft. */
    record Computed(Currency currency, List<InvoiceLine> lines, Money net, Money tax, Money total) {
    }

    /** Returns the computed invoice, or adds to {@code violations} and returns {@code null}. */
    static Computed check(InvoiceDraft draft, List<Violation> violations) {
        int before = violations.size();
        checkHeader(draft, violations);
        Currency currency = Currencies.parse(draft.currency()).orElse(null);
        if (currency == null) {
            violations.add(Violation.of("currency", draft.currency(), "expected an ISO 4217 code such as EUR"));
        }
        if (draft.lines() == null || draft.lines().isEmpty()) {
            violations.add(Violation.of("lines", null, "an invoice needs at least one line"));
            return null;
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (int index = 0; index < draft.lines().size(); index++) {
            InvoiceLine line = checkLine(index, draft.lines().get(index), currency, violations);
            lines.add(line);
        }
        if (violations.size() > before) {
            return null;
        }
        return totals(draft, currency, lines, violations);
    }

    private static void checkHeader(InvoiceDraft draft, List<Violation> violations) {
        String number = draft.invoiceNumber();
        if (number == null || number.isBlank()) {
            violations.add(Violation.of("invoiceNumber", number, "is required"));
        } else if (!INVOICE_NUMBER.matcher(number).matches()) {
            violations.add(Violation.of("invoiceNumber", number, "must be 1 to 64 letters, digits, '.', '_' or "
                    + "'-', starting with a letter or digit"));
        }
        if (draft.issueDate() == null) {
            violations.add(Violation.of("issueDate", null, "is required"));
        }
        if (draft.dueDate() == null) {
            violations.add(Violation.of("dueDate", null, "is required"));
        }
        if (draft.issueDate() != null && draft.issueDate().isBefore(EARLIEST_DATE)) {
            violations.add(Violation.of("issueDate", draft.issueDate(), "is before " + EARLIEST_DATE));
        }
        if (draft.issueDate() != null && draft.dueDate() != null
                && draft.dueDate().isAfter(draft.issueDate().plusYears(5))) {
            violations.add(Violation.of("dueDate", draft.dueDate(), "is more than 5 years after the issue date "
                    + draft.issueDate()));
        }
        if (draft.issueDate() != null && draft.dueDate() != null && draft.dueDate().isBefore(draft.issueDate())) {
            violations.add(Violation.of("dueDate", draft.dueDate(),
                    "is before the issue date " + draft.issueDate() + "; the due date must be on or after it"));
        }
        if (draft.reference() != null && draft.reference().length() > 200) {
            violations.add(Violation.of("reference", draft.reference(), "is longer than 200 characters"));
        }
    }

    private static InvoiceLine checkLine(int index, InvoiceDraft.LineDraft line, Currency currency,
            List<Violation> violations) {
        String prefix = "lines[" + index + "].";
        List<Violation> found = new ArrayList<>();
        if (line.description() == null || line.description().isBlank() || line.description().length() > 1000) {
            found.add(Violation.of(prefix + "description", line.description(), "is required, at most 1000 characters"));
        }
        if (line.itemCode() != null && line.itemCode().length() > 64) {
            found.add(Violation.of(prefix + "itemCode", line.itemCode(), "is longer than 64 characters"));
        }
        requirePositive(prefix + "quantity", line.quantity(), MAX_UNIT_DECIMALS, found);
        requireBelow(prefix + "quantity", line.quantity(), MAX_QUANTITY, found);
        requireNotNegative(prefix + "unitPrice", line.unitPrice(), MAX_UNIT_DECIMALS, true, found);
        requireBelow(prefix + "unitPrice", line.unitPrice(), MAX_AMOUNT, found);
        requireBelow(prefix + "taxAmount", line.taxAmount(), MAX_AMOUNT, found);
        if (found.isEmpty() && line.quantity().multiply(line.unitPrice()).compareTo(MAX_LINE_GROSS) >= 0) {
            found.add(Violation.of(prefix + "quantity", line.quantity().toPlainString(),
                    "times the unit price is 10,000,000,000,000 or more, more than ARflow stores"));
        }
        BigDecimal discount = line.discountPercent();
        if (discount != null && (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0 || decimals(discount) > 4)) {
            found.add(Violation.of(prefix + "discountPercent", discount.toPlainString(),
                    "expected a percentage from 0 to 100 with at most 4 decimals"));
        }
        BigDecimal tax = line.taxAmount() == null ? BigDecimal.ZERO : line.taxAmount();
        if (currency != null) {
            requireNotNegative(prefix + "taxAmount", tax, Money.minorUnit(currency), false, found);
        }
        found.replaceAll(violation -> line.sourceLine() == null ? violation : violation.atLine(line.sourceLine()));
        violations.addAll(found);
        if (!found.isEmpty() || currency == null) {
            return null;
        }
        Money net = netAmount(line, currency);
        return new InvoiceLine(index + 1, blankToNull(line.itemCode()), line.description().trim(), line.quantity(),
                line.unitPrice(), discount, net.amount(), Money.exact(tax, currency).amount());
    }

    private static Money netAmount(InvoiceDraft.LineDraft line, Currency currency) {
        BigDecimal gross = line.quantity().multiply(line.unitPrice());
        if (line.discountPercent() != null) {
            BigDecimal kept = HUNDRED.subtract(line.discountPercent());
            gross = gross.multiply(kept).divide(HUNDRED);
        }
        return Money.rounded(gross, currency);
    }

    private static Computed totals(InvoiceDraft draft, Currency currency, List<InvoiceLine> lines,
            List<Violation> violations) {
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        for (InvoiceLine line : lines) {
            net = net.plus(new Money(line.netAmount(), currency));
            tax = tax.plus(new Money(line.taxAmount(), currency));
        }
        Money total = net.plus(tax);
        if (!total.isPositive()) {
            violations.add(Violation.of("totalAmount", total.amount().toPlainString(),
                    "the invoice total must be greater than zero"));
            return null;
        }
        if (draft.declaredTotal() != null && draft.declaredTotal().compareTo(total.amount()) != 0) {
            violations.add(Violation.of("total", draft.declaredTotal().toPlainString(),
                    "does not match the lines, which add up to " + total.amount().toPlainString()));
            return null;
        }
        return new Computed(currency, lines, net, tax, total);
    }

    private static void requirePositive(String field, BigDecimal value, int maxDecimals, List<Violation> found) {
        if (value == null) {
            found.add(Violation.of(field, null, "is required"));
        } else if (value.signum() <= 0) {
            found.add(Violation.of(field, value.toPlainString(), "must be greater than zero"));
        } else if (decimals(value) > maxDecimals) {
            found.add(Violation.of(field, value.toPlainString(), "has more than " + maxDecimals + " decimals"));
        }
    }

    private static void requireNotNegative(String field, BigDecimal value, int maxDecimals, boolean required,
            List<Violation> found) {
        if (value == null) {
            if (required) {
                found.add(Violation.of(field, null, "is required"));
            }
        } else if (value.signum() < 0) {
            found.add(Violation.of(field, value.toPlainString(), "must not be negative"));
        } else if (decimals(value) > maxDecimals) {
            found.add(Violation.of(field, value.toPlainString(),
                    "has more decimals than allowed (" + maxDecimals + ")"));
        }
    }

    private static void requireBelow(String field, BigDecimal value, BigDecimal max, List<Violation> found) {
        if (value != null && value.abs().compareTo(max) >= 0) {
            String shown = value.toPlainString().length() > 40 ? value.toString() : value.toPlainString();
            found.add(Violation.of(field, shown, "is too large: it must be below " + max.toPlainString()));
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(value.stripTrailingZeros().scale(), 0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
