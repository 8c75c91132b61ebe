package org.arflow.invoice;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.event.DomainEvents;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.AmountCheck;
import org.arflow.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Waives fees or interest charged to an invoice. Charges stay owed after the principal is paid, so a waiver
 * is the recorded decision that forgives them: a WAIVER posting, and a {@link ChargeWaived} event naming who
 * decided and why.
 */
@RestController
class ChargeWaiverController {

    private final InvoiceService invoices;
    private final Ledger ledger;
    private final DomainEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ChargeWaiverController(InvoiceService invoices, Ledger ledger, DomainEvents events, JdbcClient jdbc,
            Clock clock) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record WaiverRequest(String kind, BigDecimal amount, String reason) {
    }

    record Waiver(String invoiceNumber, String kind, BigDecimal amount, BigDecimal openBalance) {
    }

    @PostMapping("/api/invoices/{invoiceNumber}/waivers")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Waiver waive(@PathVariable String invoiceNumber, @RequestBody WaiverRequest request, Principal user) {
        Invoice invoice = invoices.requireByNumber(invoiceNumber);
        invoices.lockAndGetOpenBalance(invoice);
        String kind = request.kind() == null ? null : request.kind().trim().toUpperCase(Locale.ROOT);
        List<Violation> violations = new ArrayList<>();
        if (!"FEE".equals(kind) && !"INTEREST".equals(kind)) {
            violations.add(Violation.of("kind", request.kind(), "expected FEE or INTEREST"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 150) {
            violations.add(Violation.of("reason", request.reason(), "is required, at most 150 characters: the "
                    + "decision to waive is recorded with it"));
        }
        BigDecimal waivable = kind == null || !violations.isEmpty() ? BigDecimal.ZERO : waivable(invoice, kind);
        BigDecimal amount = request.amount();
        boolean valid = AmountCheck.positive("amount", amount, invoice.currency(), violations);
        if (valid && violations.isEmpty() && amount.compareTo(waivable) > 0) {
            violations.add(Violation.of("amount", amount.toPlainString(), "exceeds the " + kind.toLowerCase(Locale.ROOT)
                    + " still charged to " + invoiceNumber + ", which is " + waivable.stripTrailingZeros()
                    .toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        Money waived = Money.exact(amount, invoice.currency());
        ledger.post(invoice.customerId(), invoice.id(), null, PostingKind.WAIVER, waived, LocalDate.now(clock),
                kind + " waived: " + request.reason().trim());
        events.record(invoiceNumber, new ChargeWaived(invoiceNumber, kind, waived.amount(), request.reason().trim(),
                user.getName()));
        invoices.balanceChanged(invoice.id(), PostingKind.WAIVER);
        return new Waiver(invoiceNumber, kind, waived.amount(), invoices.openBalance(invoice));
    }

    /** Returns the fees or interest charged to the invoice that are not yet waived. */
    private BigDecimal waivable(Invoice invoice, String kind) {
        BigDecimal charged = jdbc.sql("select coalesce(sum(amount), 0) from posting where invoice_id = ? and kind = ?")
                .params(invoice.id(), kind).query(BigDecimal.class).single();
        BigDecimal waived = jdbc.sql("""
                select coalesce(-sum(amount), 0) from posting where invoice_id = ? and kind = 'WAIVER'
                and note like ?""")
                .params(invoice.id(), kind + " waived:%").query(BigDecimal.class).single();
        return charged.subtract(waived);
    }
}
