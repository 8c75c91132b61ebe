package org.arflow.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.event.DomainEvents;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceService;
import org.arflow.money.AmountCheck;
import org.arflow.money.Money;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records disputes against invoices and returns to dunning how much of an invoice is disputed. */
@Service
public class DisputeService {

    private static final Logger log = LoggerFactory.getLogger(DisputeService.class);
    private static final int MAX_DESCRIPTION = 4000;

    private final DisputeRepository disputes;
    private final InvoiceService invoices;
    private final DomainEvents events;
    private final DisputeProcess process;
    private final Clock clock;

    DisputeService(DisputeRepository disputes, InvoiceService invoices, DomainEvents events, DisputeProcess process,
            Clock clock) {
        this.disputes = disputes;
        this.invoices = invoices;
        this.events = events;
        this.process = process;
        this.clock = clock;
    }

    /**
     * Opens a dispute on an open invoice for at most its open balance. An invoice has at most one open
     * dispute at a time, so a second one is a conflict until the first is resolved.
     */
    @Transactional
    Dispute open(String invoiceNumber, DisputeRequest request, String user) {
        Dispute dispute = record(invoiceNumber, request, user);
        process.start(dispute);
        return disputes.findById(dispute.id()).orElseThrow();
    }

    /**
     * Refuses to run a second resolution for a dispute: the dispute must be open and have no other running
     * resolution process.
     */
    void requireStartable(long disputeId, String processInstanceId) {
        Dispute dispute = get(disputeId);
        if (dispute.status() != DisputeStatus.OPEN || process.hasOtherInstance(disputeId, processInstanceId)) {
            throw new FormFieldValidationException("disputeId",
                    "Dispute " + disputeId + " is " + dispute.status() + " and already has its resolution; "
                            + "raise a new dispute instead");
        }
    }

    /** Records a dispute for a resolution process that is already running, started from Tasklist. */
    @Transactional
    Dispute openForProcess(String invoiceNumber, String reasonCode, BigDecimal amount, String description,
            String user) {
        return record(invoiceNumber, new DisputeRequest(reasonCode, amount, description, user), user);
    }

    private Dispute record(String invoiceNumber, DisputeRequest request, String user) {
        Invoice invoice = invoices.findByNumber(invoiceNumber).orElseThrow(() -> RejectedException.notFound(
                "invoice-not-found", "No invoice has the number '" + invoiceNumber + "'"));
        if (!invoice.status().isOpen()) {
            throw RejectedException.unprocessable("invoice-settled", "Invoice " + invoiceNumber + " is "
                    + invoice.status() + ", so nothing is left to dispute");
        }
        Money open = Money.exact(invoices.lockAndGetOpenBalance(invoice), invoice.currency());
        String reason = request.reasonCode() == null ? null : request.reasonCode().trim().toUpperCase(Locale.ROOT);
        Money amount = check(request, reason, invoice, open);
        if (disputes.hasOpenDispute(invoice.id())) {
            throw RejectedException.conflict("dispute-already-open", "Invoice " + invoiceNumber + " already has an "
                    + "open dispute; resolve it before raising another");
        }
        String raisedBy = request.raisedBy() == null || request.raisedBy().isBlank() ? user : request.raisedBy();
        LocalDate today = LocalDate.now(clock);
        long id = disputes.insert(invoice.id(), invoice.customerId(), reason, amount.amount(),
                invoice.currency().getCurrencyCode(), request.description(), raisedBy, today,
                OffsetDateTime.now(clock));
        events.record(invoiceNumber, new DisputeOpened(id, invoiceNumber, invoice.customerId(), reason,
                amount.amount(), invoice.currency().getCurrencyCode()));
        String note = raisedBy.equals(user) ? request.description()
                : "raised by " + raisedBy + (request.description() == null ? "" : ": " + request.description());
        disputes.addHistory(id, "RAISED", user, note, OffsetDateTime.now(clock));
        log.info("Dispute opened: disputeId={} invoiceNumber={} reason={} amount={}", id, invoiceNumber, reason,
                amount);
        return disputes.findById(id).orElseThrow();
    }

    /** Opens a dispute that a collector recorded as the outcome of a call, with the same checks as the API. */
    @Transactional
    public Dispute openFromCall(String invoiceNumber, String reasonCode, BigDecimal amount, String description,
            String collector) {
        return open(invoiceNumber, new DisputeRequest(reasonCode, amount, description, collector), collector);
    }

    private Money check(DisputeRequest request, String reason, Invoice invoice, Money open) {
        List<Violation> violations = new ArrayList<>();
        List<String> codes = disputes.reasonCodes();
        if (reason == null || !codes.contains(reason)) {
            violations.add(Violation.of("reasonCode", request.reasonCode(), "expected one of " + codes));
        }
        BigDecimal amount = request.amount() == null ? open.amount() : request.amount();
        boolean valid = AmountCheck.positive("amount", amount, invoice.currency(), violations);
        if (valid && amount.compareTo(open.amount()) > 0) {
            violations.add(Violation.of("amount", amount.toPlainString(), "exceeds the open balance of "
                    + invoice.invoiceNumber() + ", which is " + open.amount().toPlainString()));
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            violations.add(Violation.of("description", request.description().substring(0, 40) + "...",
                    "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        return Money.exact(amount, invoice.currency());
    }

    /** Returns the part of the invoice's balance under open disputes, which dunning must not chase. */
    public BigDecimal openDisputedAmount(long invoiceId) {
        return disputes.openDisputedAmount(invoiceId);
    }

    List<Dispute> forInvoice(String invoiceNumber) {
        Invoice invoice = invoices.findByNumber(invoiceNumber).orElseThrow(() -> RejectedException.notFound(
                "invoice-not-found", "No invoice has the number '" + invoiceNumber + "'"));
        return disputes.findByInvoice(invoice.id());
    }

    Dispute get(long id) {
        return disputes.findById(id).orElseThrow(() -> RejectedException.notFound("dispute-not-found",
                "No dispute has the id " + id));
    }
}
