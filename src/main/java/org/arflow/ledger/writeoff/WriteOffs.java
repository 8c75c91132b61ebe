package org.arflow.ledger.writeoff;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.event.DomainEvents;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceService;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.AmountCheck;
import org.arflow.money.Money;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write-offs under four eyes: a request starts the {@code writeOffApproval} process, a credit manager other
 * than the requester decides, and only an approval posts the write-off, which settles the invoice as
 * WRITTEN_OFF when nothing else is open.
 */
@Service
public class WriteOffs {

    static final String PROCESS_KEY = "writeOffApproval";

    private static final Logger log = LoggerFactory.getLogger(WriteOffs.class);

    private final JdbcClient jdbc;
    private final InvoiceService invoices;
    private final Ledger ledger;
    private final DomainEvents events;
    private final RuntimeService runtimeService;
    private final Clock clock;

    WriteOffs(JdbcClient jdbc, InvoiceService invoices, Ledger ledger, DomainEvents events,
            RuntimeService runtimeService, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.ledger = ledger;
        this.events = events;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * A write-off request and its decision.
     *
     * @param postedAmount what the approval posted: at most the open balance at that time, {@code null} until
     *     approved
     */
    public record WriteOff(long id, String invoiceNumber, BigDecimal amount, String currency, String reason,
            String status, String requestedBy, String decidedBy, String decisionNote, BigDecimal postedAmount) {
    }

    @Transactional
    WriteOff request(String invoiceNumber, BigDecimal amount, String reason, String requester) {
        Invoice invoice = invoices.findByNumber(invoiceNumber).orElseThrow(() -> RejectedException.notFound(
                "invoice-not-found", "No invoice has the number '" + invoiceNumber + "'"));
        BigDecimal open = invoices.lockAndGetOpenBalance(invoice);
        BigDecimal pending = pendingAmount(invoice.id());
        BigDecimal available = open.subtract(pending);
        if (open.signum() <= 0) {
            throw RejectedException.conflict("nothing-to-write-off", "Invoice " + invoiceNumber + " is "
                    + invoice.status() + " and has no open balance to write off");
        }
        if (available.signum() <= 0) {
            throw RejectedException.conflict("nothing-to-write-off", "Invoice " + invoiceNumber + " has "
                    + plain(open) + " open and " + plain(pending) + " already requested for write-off, so nothing "
                    + "is left to write off; decide the pending request in Tasklist first");
        }

        List<Violation> violations = new ArrayList<>();
        BigDecimal requested = amount == null ? available : amount;
        if (AmountCheck.positive("amount", requested, invoice.currency(), violations)
                && requested.compareTo(available) > 0) {
            violations.add(Violation.of("amount", requested.toPlainString(), "exceeds the open balance of "
                    + invoiceNumber + ", which is " + plain(open) + " with " + plain(pending)
                    + " already requested for write-off; request at most " + plain(available)));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            violations.add(Violation.of("reason", reason, "is required, at most 500 characters: the approver "
                    + "decides on it"));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }

        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into write_off (invoice_id, amount, currency, reason, status, requested_by, requested_at)
                values (?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(invoice.id(), Money.exact(requested, invoice.currency()).amount(),
                        invoice.currency().getCurrencyCode(), reason.trim(), requester, OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();

        // The variables are for the task form only: the decision reads the request from the table.
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, WriteOffDelegates.businessKey(id),
                Variables.createVariables().putValue("writeOffId", id).putValue("requestedBy", requester)
                .putValue("invoiceNumber", invoiceNumber).putValue("amount", requested.toPlainString())
                .putValue("reason", reason.trim()));
        log.info("Write-off requested: writeOffId={} invoiceNumber={} amount={} requestedBy={}", id, invoiceNumber,
                requested, requester);
        return find(id).orElseThrow();
    }

    /**
     * Posts an approved write-off or records the rejection, once. The decider may not be the user who
     * requested it, as stored with the request.
     */
    @Transactional
    void decide(long id, boolean approved, String decider, String note) {
        WriteOff writeOff = lockForDecision(id);
        if (decider.equals(writeOff.requestedBy())) {
            throw new AuthorizationException("A write-off needs a second person: " + decider + " requested write-off "
                    + id + " and may not decide it; another credit manager must decide");
        }
        if (!approved) {
            record(id, "REJECTED", decider, note, null);
            log.info("Write-off rejected: writeOffId={} decidedBy={}", id, decider);
            return;
        }

        Invoice invoice = invoices.findByNumber(writeOff.invoiceNumber()).orElseThrow();
        BigDecimal open = invoices.lockAndGetOpenBalance(invoice);
        BigDecimal amount = writeOff.amount().min(open.max(BigDecimal.ZERO));
        record(id, "APPROVED", decider, note, amount);
        if (amount.signum() > 0) {
            ledger.post(invoice.customerId(), invoice.id(), null, PostingKind.WRITE_OFF,
                    Money.exact(amount, invoice.currency()), LocalDate.now(clock), "write-off " + id);
            invoices.balanceChanged(invoice.id(), PostingKind.WRITE_OFF);
        }
        events.record(writeOff.invoiceNumber(), new InvoiceWrittenOff(id, writeOff.invoiceNumber(), amount,
                writeOff.requestedBy(), decider));
        log.info("Write-off posted: writeOffId={} invoiceNumber={} requested={} posted={} decidedBy={}", id,
                writeOff.invoiceNumber(), writeOff.amount(), amount, decider);
    }

    /** Locks the request and returns it, rejecting one that is already decided. */
    private WriteOff lockForDecision(long id) {
        jdbc.sql("select id from write_off where id = ? for update").param(id).query(Long.class).single();
        WriteOff writeOff = find(id).orElseThrow();
        if (!"REQUESTED".equals(writeOff.status())) {
            throw new BadUserRequestException("Write-off " + id + " is already " + writeOff.status() + " by "
                    + writeOff.decidedBy() + "; a decision cannot be changed, request a new write-off instead");
        }
        return writeOff;
    }

    private void record(long id, String status, String decider, String note, BigDecimal postedAmount) {
        jdbc.sql("""
                update write_off set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, posted_amount = ?
                where id = ?""")
                .params(status, decider, OffsetDateTime.now(clock), note, postedAmount, id)
                .update();
    }

    /** Sums the write-offs requested for an invoice and not decided yet, which a new request may not repeat. */
    private BigDecimal pendingAmount(long invoiceId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from write_off where invoice_id = ? and status = 'REQUESTED'")
                .param(invoiceId)
                .query(BigDecimal.class)
                .single();
    }

    private static BigDecimal postedAmount(BigDecimal stored, String currency) {
        return stored == null ? null : Money.exact(stored, Currency.getInstance(currency)).amount();
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    public Optional<WriteOff> find(long id) {
        return jdbc.sql("""
                select w.id, i.invoice_number, w.amount, w.currency, w.reason, w.status, w.requested_by,
                    w.decided_by, w.decision_note, w.posted_amount
                from write_off w join invoice i on i.id = w.invoice_id where w.id = ?""")
                .param(id)
                .query((row, rowNumber) -> new WriteOff(row.getLong(1), row.getString(2),
                        Money.exact(row.getBigDecimal(3), Currency.getInstance(row.getString(4))).amount(),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getString(9), postedAmount(row.getBigDecimal(10), row.getString(4))))
                .optional();
    }

    /** A write-off was approved and posted. */
    public record InvoiceWrittenOff(long writeOffId, String invoiceNumber, BigDecimal amount, String requestedBy,
            String approvedBy) {
    }
}
