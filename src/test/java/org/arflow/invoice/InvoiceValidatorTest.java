package org.arflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.arflow.error.Violation;
import org.junit.jupiter.api.Test;

class InvoiceValidatorTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);

    @Test
    void roundsEachLineNetOnceHalfUp() {
        InvoiceValidator.Computed computed = check(draft("EUR", line("3", "0.335", null, "0.20"),
                line("1", "100.00", "12.5", "17.50")), new ArrayList<>());

        assertThat(computed.lines().get(0).netAmount()).isEqualByComparingTo("1.01");
        assertThat(computed.lines().get(1).netAmount()).isEqualByComparingTo("87.50");
        assertThat(computed.net().amount()).isEqualByComparingTo("88.51");
        assertThat(computed.tax().amount()).isEqualByComparingTo("17.70");
        assertThat(computed.total().amount()).isEqualByComparingTo("106.21");
    }

    @Test
    void usesCurrencyMinorUnit() {
        InvoiceValidator.Computed yen = check(draft("JPY", line("3", "333.5", null, "100")), new ArrayList<>());

        assertThat(yen.total().amount()).isEqualByComparingTo("1101");
        assertThat(yen.total().amount().scale()).isZero();
    }

    @Test
    void rejectsInvalidLineAmounts() {
        List<Violation> violations = new ArrayList<>();

        InvoiceValidator.Computed computed = check(draft("EUR", line("-2", "1.23456", "120", "0.015")), violations);

        assertThat(computed).isNull();
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("lines[0].quantity",
                "lines[0].unitPrice", "lines[0].discountPercent", "lines[0].taxAmount");
    }

    @Test
    void rejectsZeroTotalAndMismatchedDeclaredTotal() {
        List<Violation> zero = new ArrayList<>();
        check(draft("EUR", line("1", "0", null, null)), zero);
        List<Violation> mismatch = new ArrayList<>();
        InvoiceDraft declared = new InvoiceDraft("INV-1", "EUR", ISSUED, ISSUED.plusDays(30), null,
                new BigDecimal("10.00"), List.of(line("1", "9.99", null, null)));
        InvoiceValidator.check(declared, mismatch);

        assertThat(zero).extracting(Violation::reason).containsExactly("the invoice total must be greater than zero");
        assertThat(mismatch).extracting(Violation::reason)
                .containsExactly("does not match the lines, which add up to 9.99");
    }

    @Test
    void rejectsDueBeforeIssue() {
        List<Violation> violations = new ArrayList<>();
        InvoiceDraft draft = new InvoiceDraft("bad number!", "EUR", ISSUED, ISSUED.minusDays(1), null, null,
                List.of(line("1", "1", null, null)));

        InvoiceValidator.check(draft, violations);

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("invoiceNumber", "dueDate");
    }

    @Test
    void keepsFileLineOfImportedLine() {
        List<Violation> violations = new ArrayList<>();
        InvoiceDraft.LineDraft imported = new InvoiceDraft.LineDraft(7, null, "Widget", new BigDecimal("-1"),
                BigDecimal.ONE, null, null);

        check(draft("EUR", imported), violations);

        assertThat(violations).extracting(Violation::line).containsExactly(7);
    }

    private static InvoiceValidator.Computed check(InvoiceDraft draft, List<Violation> violations) {
        return InvoiceValidator.check(draft, violations);
    }

    private static InvoiceDraft draft(String currency, InvoiceDraft.LineDraft... lines) {
        return new InvoiceDraft("INV-1", currency, ISSUED, ISSUED.plusDays(30), null, null, List.of(lines));
    }

    private static InvoiceDraft.LineDraft line(String quantity, String unitPrice, String discount, String tax) {
        return new InvoiceDraft.LineDraft(null, null, "Item", new BigDecimal(quantity), new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount), tax == null ? null : new BigDecimal(tax));
    }
}
