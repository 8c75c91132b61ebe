package org.arflow.dispute;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.event.DomainEvents;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceDraft;
import org.arflow.invoice.InvoiceService;
import org.arflow.invoice.creditnote.CreditNoteService;
import org.arflow.money.Money;
import org.arflow.notification.Channel;
import org.arflow.notification.MessageTemplates;
import org.arflow.notification.Outbox;
import org.arflow.notification.OutgoingMessage;
import org.arflow.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the dispute-resolution process: routing by rules, SLA escalation, the resolution (credit
 * note, corrected invoice or rejection) and the customer's notification.
 */
@Service
public class DisputeResolution {

    private static final Logger log = LoggerFactory.getLogger(DisputeResolution.class);

    /** The outcomes a resolver can record. */
    enum Outcome {
        CREDIT_NOTE,
        CORRECTED_INVOICE,
        REJECTED
    }

    private final DisputeRepository disputes;
    private final RuleEngine rules;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final CreditNoteService creditNotes;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final DomainEvents events;
    private final CompanyProperties company;
    private final Clock clock;

    DisputeResolution(DisputeRepository disputes, RuleEngine rules, InvoiceService invoices, CustomerService customers,
            CreditNoteService creditNotes, MessageTemplates templates, Outbox outbox, DomainEvents events,
            CompanyProperties company, Clock clock) {
        this.disputes = disputes;
        this.rules = rules;
        this.invoices = invoices;
        this.customers = customers;
        this.creditNotes = creditNotes;
        this.templates = templates;
        this.outbox = outbox;
        this.events = events;
        this.company = company;
        this.clock = clock;
    }

    Dispute require(long disputeId) {
        return disputes.findById(disputeId).orElseThrow(() -> RejectedException.notFound("dispute-not-found",
                "No dispute has the id " + disputeId));
    }

    /** Routes the dispute by the dispute-routing rules and returns the routing with its SLA day. */
    @Transactional
    Dispute route(long disputeId) {
        Dispute dispute = require(disputeId);
        DisputeRouting routing = new DisputeRouting();
        rules.evaluate(List.of(new DisputeRoutingFacts(dispute.reasonCode(), dispute.amount(), dispute.currency()),
                routing));
        if (routing.getOwnerGroup() == null) {
            throw new IllegalStateException("The dispute-routing rules gave dispute " + disputeId + " (reason "
                    + dispute.reasonCode() + ") no owner; add a rule that routes it");
        }
        LocalDate slaDueOn = addBusinessDays(dispute.raisedOn(), routing.getSlaBusinessDays());
        disputes.route(disputeId, routing.getOwnerGroup(), slaDueOn);
        disputes.addHistory(disputeId, "ROUTED", "rules", "to " + routing.getOwnerGroup() + ", due " + slaDueOn + " ("
                + routing.getReasonCode() + ")", OffsetDateTime.now(clock));
        log.info("Dispute routed: disputeId={} ownerGroup={} slaDueOn={}", disputeId, routing.getOwnerGroup(),
                slaDueOn);
        return require(disputeId);
    }

    static LocalDate addBusinessDays(LocalDate start, int businessDays) {
        LocalDate day = start;
        int added = 0;
        while (added < businessDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day;
    }

    @Transactional
    void escalate(long disputeId) {
        disputes.markEscalated(disputeId);
        disputes.addHistory(disputeId, "ESCALATED", "sla-timer", "resolution overdue; managers added",
                OffsetDateTime.now(clock));
        log.warn("Dispute resolution overdue, escalated to managers: disputeId={}", disputeId);
    }

    @Transactional
    void recordEvidence(long disputeId, String collector, String note) {
        disputes.addHistory(disputeId, "EVIDENCE_GATHERED", collector, note, OffsetDateTime.now(clock));
    }

    /**
     * Carries out the resolution. A credit note credits up to the disputed amount. A corrected invoice credits
     * the old invoice's open balance and issues the new amount as a new invoice. A rejection needs reasons.
     */
    @Transactional
    Dispute resolve(long disputeId, String outcome, BigDecimal amount, String note, String resolver) {
        Dispute dispute = require(disputeId);
        if (dispute.status() != DisputeStatus.OPEN) {
            throw RejectedException.unprocessable("dispute-not-open", "Dispute " + disputeId + " is "
                    + dispute.status());
        }
        Outcome chosen = parse(outcome);
        Invoice invoice = invoices.findByNumber(dispute.invoiceNumber()).orElseThrow();
        Currency currency = invoice.currency();
        LocalDate today = LocalDate.now(clock);
        String creditNoteNumber = null;
        String correctedNumber = null;
        BigDecimal credited = BigDecimal.ZERO;
        switch (chosen) {
            case CREDIT_NOTE -> {
                credited = amount == null ? dispute.amount() : amount;
                creditNoteNumber = creditDisputedAmount(dispute, invoice, credited, today);
            }
            case CORRECTED_INVOICE -> {
                BigDecimal open = invoices.lockAndGetOpenBalance(invoice);
                requireCorrection(dispute, amount, open, currency);
                creditNoteNumber = "CN-D" + disputeId;
                creditNotes.issue(new CreditNoteService.CreditNoteRequest(creditNoteNumber, invoice.invoiceNumber(),
                        null, open, currency.getCurrencyCode(), "Corrected by dispute " + disputeId, today));
                correctedNumber = invoice.invoiceNumber() + "-C" + disputeId;
                issueCorrection(invoice, correctedNumber, amount, today);
                credited = open.subtract(amount);
            }
            case REJECTED -> requireReasons(note);
        }

        DisputeStatus status = chosen == Outcome.REJECTED ? DisputeStatus.REJECTED : DisputeStatus.RESOLVED;
        disputes.resolve(disputeId, status, chosen.name(), note, today, creditNoteNumber, correctedNumber);
        disputes.addHistory(disputeId, chosen.name(), resolver, note, OffsetDateTime.now(clock));
        events.record(dispute.invoiceNumber(), new DisputeResolved(disputeId, dispute.invoiceNumber(),
                invoice.customerId(), currency.getCurrencyCode(), chosen.name(), credited));
        log.info("Dispute resolved: disputeId={} outcome={} resolver={}", disputeId, chosen, resolver);
        return require(disputeId);
    }

    private String creditDisputedAmount(Dispute dispute, Invoice invoice, BigDecimal credit, LocalDate today) {
        requireAmount(credit, dispute.amount(), invoice.currency(), "resolutionAmount", "the disputed amount");
        String number = "CN-D" + dispute.id();
        creditNotes.issue(new CreditNoteService.CreditNoteRequest(number, invoice.invoiceNumber(), null, credit,
                invoice.currency().getCurrencyCode(), "Dispute " + dispute.id() + " resolved: " + dispute.reasonCode(),
                today));
        return number;
    }

    private static void requireCorrection(Dispute dispute, BigDecimal amount, BigDecimal open, Currency currency) {
        requireAmount(amount, open, currency, "resolutionAmount", "the open balance");
        if (amount.compareTo(open) == 0 || open.subtract(amount).compareTo(dispute.amount()) > 0) {
            throw RejectedException.invalid(Violation.of("resolutionAmount", amount.toPlainString(),
                    "must correct the invoice by more than nothing and at most the disputed amount "
                            + dispute.amount().stripTrailingZeros().toPlainString() + ", so between "
                            + open.subtract(dispute.amount()).max(BigDecimal.ZERO).stripTrailingZeros().toPlainString()
                            + " and less than " + open.stripTrailingZeros().toPlainString()));
        }
    }

    private static void requireReasons(String note) {
        if (note == null || note.isBlank()) {
            throw RejectedException.invalid(Violation.of("resolutionNote", note,
                    "is required to reject a dispute: give the customer the reasons"));
        }
    }

    private void issueCorrection(Invoice old, String number, BigDecimal amount, LocalDate today) {
        long termDays = java.time.temporal.ChronoUnit.DAYS.between(old.issueDate(), old.dueDate());
        InvoiceDraft draft = new InvoiceDraft(number, old.currency().getCurrencyCode(), today,
                today.plusDays(termDays), old.invoiceNumber(), null, List.of(new InvoiceDraft.LineDraft(null, null,
                        "Corrected invoice for " + old.invoiceNumber(), BigDecimal.ONE, amount, null, null)));
        Customer customer = customers.findById(old.customerId()).orElseThrow();
        invoices.submit(draft, customer, customer.billingEmail() != null, "CORRECTION");
    }

    private static void requireAmount(BigDecimal amount, BigDecimal max, Currency currency, String field,
            String limit) {
        if (amount == null || amount.signum() <= 0) {
            throw RejectedException.invalid(Violation.of(field, amount, "is required and must be greater than "
                    + "zero"));
        }
        if (amount.stripTrailingZeros().scale() > Money.minorUnit(currency)) {
            throw RejectedException.invalid(Violation.of(field, amount.toPlainString(), "has more decimals than "
                    + currency.getCurrencyCode() + " allows"));
        }
        if (amount.compareTo(max) > 0) {
            throw RejectedException.invalid(Violation.of(field, amount.toPlainString(), "exceeds " + limit + ", "
                    + max.stripTrailingZeros().toPlainString()));
        }
    }

    private static Outcome parse(String outcome) {
        try {
            return Outcome.valueOf(outcome);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw RejectedException.invalid(Violation.of("resolutionOutcome", outcome, "expected one of "
                    + List.of(Outcome.values())));
        }
    }

    /** Tells the customer the outcome by e-mail in their language, once per dispute. */
    @Transactional
    void notifyCustomer(long disputeId, String processInstanceId) {
        Dispute dispute = require(disputeId);
        Invoice invoice = invoices.findByNumber(dispute.invoiceNumber()).orElseThrow();
        Customer customer = customers.findById(invoice.customerId()).orElseThrow();
        if (customer.billingEmail() == null) {
            log.warn("Dispute outcome not sent, the customer has no billing e-mail: disputeId={} customer={}",
                    disputeId, customer.externalId());
            return;
        }
        Locale locale = templates.formattingLocale("dispute-outcome", customer.locale());
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(invoice.currency());
        Map<String, String> values = Map.of(
                "customerName", customer.name(),
                "companyName", company.name(),
                "invoiceNumber", invoice.invoiceNumber(),
                "disputedAmount", money.format(dispute.amount()),
                "openBalance", money.format(invoices.openBalance(invoice)),
                "creditedAmount", money.format(credited(dispute)),
                "raisedOn", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(dispute.raisedOn()),
                "outcome", outcomeText(dispute, locale),
                "resolutionNote", dispute.resolutionNote() == null ? "" : dispute.resolutionNote());
        MessageTemplates.Rendered rendered = templates.render("dispute-outcome", locale, values);
        outbox.enqueue(new OutgoingMessage("dispute/" + disputeId + "/outcome/email", Channel.EMAIL,
                customer.billingEmail(), rendered.subject(), rendered.body(), customer.id(), invoice.invoiceNumber(),
                processInstanceId));
        disputes.addHistory(disputeId, "CUSTOMER_NOTIFIED", "system", customer.billingEmail(),
                OffsetDateTime.now(clock));
    }

    private BigDecimal credited(Dispute dispute) {
        if (dispute.creditNoteNumber() == null) {
            return BigDecimal.ZERO;
        }
        return creditNotes.find(dispute.creditNoteNumber()).map(CreditNoteService.CreditNote::amount)
                .orElse(BigDecimal.ZERO);
    }

    private static String outcomeText(Dispute dispute, Locale locale) {
        String language = locale.getLanguage();
        return switch (dispute.outcome()) {
            case "CREDIT_NOTE" -> switch (language) {
                case "de" -> "Wir haben Ihnen die Gutschrift " + dispute.creditNoteNumber() + " erteilt.";
                case "fr" -> "Nous vous avons accordé l'avoir " + dispute.creditNoteNumber() + ".";
                default -> "We have issued credit note " + dispute.creditNoteNumber() + " to you.";
            };
            case "CORRECTED_INVOICE" -> switch (language) {
                case "de" -> "Die Rechnung wurde gutgeschrieben und durch Rechnung "
                        + dispute.correctedInvoiceNumber() + " ersetzt.";
                case "fr" -> "La facture a été annulée par un avoir et remplacée par la facture "
                        + dispute.correctedInvoiceNumber() + ".";
                default -> "The invoice has been credited and replaced by invoice "
                        + dispute.correctedInvoiceNumber() + ".";
            };
            default -> switch (language) {
                case "de" -> "Die Rechnung bleibt in voller Höhe fällig.";
                case "fr" -> "La facture reste due en totalité.";
                default -> "The invoice remains due in full.";
            };
        };
    }
}
