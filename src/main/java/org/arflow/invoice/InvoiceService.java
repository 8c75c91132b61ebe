package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Customer;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.event.DomainEvents;
import org.arflow.idempotency.ContentHash;
import org.arflow.invoice.discount.EarlyPaymentDiscounts;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invoices into the ledger and the invoice-to-cash process, and follows their balance to settlement.
 * The ledger change and the process step it causes commit in one transaction.
 */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final InvoiceRepository invoices;
    private final Ledger ledger;
    private final InvoiceToCashProcess process;
    private final DomainEvents events;
    private final CompanyProperties company;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final EarlyPaymentDiscounts discounts;

    InvoiceService(InvoiceRepository invoices, Ledger ledger, InvoiceToCashProcess process, DomainEvents events,
            CompanyProperties company, ApplicationEventPublisher publisher, Clock clock,
            EarlyPaymentDiscounts discounts) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.process = process;
        this.events = events;
        this.company = company;
        this.publisher = publisher;
        this.clock = clock;
        this.discounts = discounts;
    }

    /** The outcome of a submission: the stored invoice and whether this call created it. */
    public record Submission(Invoice invoice, boolean created) {
    }

    /**
     * Issues an invoice: stores it with its lines, posts its total and starts its invoice-to-cash instance.
     * The same invoice again returns the stored one; other content under a stored number is a conflict.
     */
    @Transactional
    public Submission submit(InvoiceDraft submitted, Customer customer, boolean sendInvoice, String source) {
        InvoiceDraft draft = discounts.withDueDateFromTerms(submitted, customer);
        List<Violation> violations = new ArrayList<>();
        InvoiceValidator.Computed computed = InvoiceValidator.check(draft, violations);
        if (computed == null) {
            throw RejectedException.invalid(violations);
        }
        requireRecipient(draft, customer, sendInvoice);
        // NOTE: the hash covers the due date taken from the terms, so a retry without a due date after the
        // customer's terms changed is a conflict rather than the same request.
        String hash = contentHash(draft, customer, computed);
        Optional<Invoice> stored = invoices.findByNumber(draft.invoiceNumber());
        if (stored.isPresent()) {
            return new Submission(requireSame(stored.get(), hash), false);
        }
        Invoice issued = issue(draft, customer, sendInvoice, source, computed, hash);
        return new Submission(issued, true);
    }

    private Invoice issue(InvoiceDraft draft, Customer customer, boolean sendInvoice, String source,
            InvoiceValidator.Computed computed, String hash) {
        Invoice unsaved = new Invoice(0, draft.invoiceNumber(), customer.id(), computed.currency(), draft.issueDate(),
                draft.dueDate(), blankToNull(draft.reference()), computed.net().amount(), computed.tax().amount(),
                computed.total().amount(), InvoiceStatus.ISSUED, source, sendInvoice, null, null, null, hash);
        long id = invoices.insert(unsaved, computed.lines(), OffsetDateTime.now(clock));
        ledger.post(customer.id(), id, null, PostingKind.INVOICE, computed.total(), draft.issueDate());
        events.record(draft.invoiceNumber(), new InvoiceIssued(draft.invoiceNumber(), customer.id(),
                computed.currency().getCurrencyCode(), computed.total().amount(), draft.issueDate(), draft.dueDate()));

        Invoice invoice = invoices.findById(id).orElseThrow();
        // Before the process starts, because its first step e-mails the invoice with the discount it offers.
        discounts.offer(invoice, customer, draft.paymentTerms());
        process.start(invoice, invoice.sendInvoice(), LocalDate.now(clock), company.timeZone());
        log.info("Invoice issued: invoiceNumber={} customerId={} total={} dueDate={}", invoice.invoiceNumber(),
                customer.id(), computed.total(), invoice.dueDate());
        return invoices.findById(id).orElseThrow();
    }

    /** Rejects an invoice that ARflow is to e-mail when the customer has no address to send it to. */
    private void requireRecipient(InvoiceDraft draft, Customer customer, boolean sendInvoice) {
        if (sendInvoice && customer.billingEmail() == null) {
            throw RejectedException.invalid(Violation.of("billingEmail", null, "customer " + customer.externalId()
                    + " has no billing e-mail to send the invoice to; add one, or submit with sendInvoice=false "
                    + "(sendInvoices=false for an import) if the ERP sends it"));
        }
    }

    private Invoice requireSame(Invoice stored, String hash) {
        if (!stored.contentHash().equals(hash)) {
            throw RejectedException.conflict("invoice-conflict", "Invoice '" + stored.invoiceNumber()
                    + "' is already stored with other content; resend the stored invoice unchanged to retry, "
                    + "or use a new invoice number");
        }
        return stored;
    }

    /**
     * Marks an invoice overdue and records {@link InvoiceOverdue}. Called by the process at the end of the due
     * date, or at once for an invoice that arrives already past due.
     */
    @Transactional
    public void markOverdue(String invoiceNumber) {
        Invoice invoice = requireByNumber(invoiceNumber);
        LocalDate overdueOn = invoice.dueDate().plusDays(1);
        if (!invoices.markOverdue(invoice.id(), overdueOn)) {
            log.info("Invoice not marked overdue, it is no longer issued: invoiceNumber={} status={}",
                    invoiceNumber, invoice.status());
            return;
        }
        BigDecimal balance = ledger.invoiceBalance(invoice.id());
        events.record(invoiceNumber, new InvoiceOverdue(invoiceNumber, invoice.customerId(),
                invoice.currency().getCurrencyCode(), Money.exact(balance, invoice.currency()).amount(),
                invoice.dueDate(), overdueOn));
        log.info("Invoice overdue: invoiceNumber={} customerId={} dueDate={}", invoiceNumber, invoice.customerId(),
                invoice.dueDate());
    }

    /**
     * Re-evaluates an invoice after a posting changed its balance. At zero it is settled the way the last
     * posting names, and in every case its process instance receives the change at once. A settled invoice
     * whose balance rose again, because a payment was reversed, is reopened with a new process instance.
     */
    @Transactional
    public void balanceChanged(long invoiceId, PostingKind cause) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        BigDecimal balance = ledger.invoiceBalance(invoiceId);
        Settlement settlement = null;
        if (balance.signum() == 0 && invoice.status().isOpen()) {
            settlement = Settlement.causedBy(cause);
            LocalDate today = LocalDate.now(clock);
            invoices.markSettled(invoiceId, settlement, today);
            events.record(invoice.invoiceNumber(),
                    new InvoiceSettled(invoice.invoiceNumber(), invoice.customerId(), settlement, today));
            log.info("Invoice settled: invoiceNumber={} settlement={}", invoice.invoiceNumber(), settlement);
        } else if (balance.signum() > 0 && !invoice.status().isOpen()) {
            reopen(invoice);
        }
        process.balanceChanged(invoice.invoiceNumber(), settlement);
        publisher.publishEvent(new InvoiceBalanceChanged(invoiceId, invoice.invoiceNumber(), invoice.customerId(),
                invoice.currency().getCurrencyCode()));
    }

    /**
     * Returns a settled invoice to ISSUED and starts its process again without sending the invoice. The
     * process marks it overdue at once when its due date has passed, so that dunning takes it up again.
     */
    private void reopen(Invoice invoice) {
        invoices.reopen(invoice.id());
        events.record(invoice.invoiceNumber(), new InvoiceReopened(invoice.invoiceNumber(), invoice.customerId(),
                invoice.status()));
        process.start(invoice, false, LocalDate.now(clock), company.timeZone());
        log.info("Invoice reopened: invoiceNumber={} previousStatus={}", invoice.invoiceNumber(), invoice.status());
    }

    /**
     * Records that late-payment interest has been charged up to and including {@code chargedTo}, and whether
     * the fixed compensation has been charged, so that the next charge covers only the days since.
     */
    @Transactional
    public void recordLateCharge(long invoiceId, LocalDate chargedTo, boolean compensationCharged) {
        invoices.recordLateCharge(invoiceId, chargedTo, compensationCharged);
    }

    /** Returns the invoices with these numbers, oldest due date first; unknown numbers are left out. */
    public List<Invoice> findByNumbers(List<String> invoiceNumbers) {
        return invoices.findByNumbers(invoiceNumbers);
    }

    /**
     * Locks the invoice for the rest of the transaction and returns its open balance, so that a caller can
     * allocate against it without a concurrent payment allocating the same amount.
     */
    public BigDecimal lockAndGetOpenBalance(Invoice invoice) {
        invoices.lock(invoice.id());
        return openBalance(invoice);
    }

    public Optional<Invoice> findByNumber(String invoiceNumber) {
        return invoices.findByNumber(invoiceNumber);
    }

    /** Returns the customer's open invoices in one currency, oldest due date first. */
    public List<Invoice> openInvoices(long customerId, String currency) {
        return invoices.findOpen(customerId, currency);
    }

    public BigDecimal openBalance(Invoice invoice) {
        return Money.exact(ledger.invoiceBalance(invoice.id()), invoice.currency()).amount();
    }

    Invoice requireByNumber(String invoiceNumber) {
        return invoices.findByNumber(invoiceNumber).orElseThrow(() -> RejectedException.notFound(
                "invoice-not-found", "No invoice has the number '" + invoiceNumber + "'"));
    }

    List<InvoiceLine> lines(Invoice invoice) {
        return invoices.findLines(invoice.id());
    }

    String processInstanceId(String invoiceNumber) {
        return process.processInstanceId(invoiceNumber);
    }

    private static String contentHash(InvoiceDraft draft, Customer customer, InvoiceValidator.Computed computed) {
        List<Object> parts = new ArrayList<>(List.of(draft.invoiceNumber(), customer.externalId(),
                computed.currency().getCurrencyCode(), draft.issueDate(), draft.dueDate(),
                String.valueOf(blankToNull(draft.reference()))));
        for (InvoiceLine line : computed.lines()) {
            parts.add(line.itemCode());
            parts.add(line.description());
            parts.add(line.quantity().stripTrailingZeros().toPlainString());
            parts.add(line.unitPrice().stripTrailingZeros().toPlainString());
            parts.add(line.discountPercent() == null ? null : line.discountPercent().stripTrailingZeros()
                    .toPlainString());
            parts.add(line.taxAmount().stripTrailingZeros().toPlainString());
        }
        if (draft.paymentTerms() != null) {
            // Appended only when given, so that invoices on the customer's terms keep their hash.
            parts.add(draft.paymentTerms().trim());
        }
        return ContentHash.of(parts.toArray());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
