package org.arflow.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.notification.Channel;
import org.arflow.notification.Documents;
import org.arflow.notification.MessageTemplates;
import org.arflow.notification.Outbox;
import org.arflow.notification.OutgoingMessage;
import org.arflow.notification.PdfRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the message steps of a case: reminder e-mails, the final notice and the demand letter. Each
 * message is queued under the key {@code case/<id>/<step>/<channel>}, so a step that is retried or decided
 * twice still sends one message.
 */
@Component
class DunningSteps {

    private static final Logger log = LoggerFactory.getLogger(DunningSteps.class);

    private final CollectionCaseRepository cases;
    private final CollectionCaseService caseService;
    private final OverdueItems overdueItems;
    private final CustomerService customers;
    private final DunningMessages messages;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final PdfRenderer pdf;
    private final Documents documents;
    private final Clock clock;

    DunningSteps(CollectionCaseRepository cases, CollectionCaseService caseService, OverdueItems overdueItems,
            CustomerService customers, DunningMessages messages, MessageTemplates templates, Outbox outbox,
            PdfRenderer pdf, Documents documents, Clock clock) {
        this.cases = cases;
        this.caseService = caseService;
        this.overdueItems = overdueItems;
        this.customers = customers;
        this.messages = messages;
        this.templates = templates;
        this.outbox = outbox;
        this.pdf = pdf;
        this.documents = documents;
        this.clock = clock;
    }

    static String messageKey(long caseId, DunningStep step, String channel) {
        return "case/" + caseId + "/" + step.name() + "/" + channel;
    }

    /** Returns whether the step's message is already in the outbox, so a repeated step does nothing. */
    boolean alreadySent(long caseId, DunningStep step, String channel) {
        return outbox.findByKey(messageKey(caseId, step, channel)).isPresent();
    }

    /** Queues the step's e-mail listing every overdue invoice still chased, and records the step. */
    @Transactional
    void sendEmail(long caseId, DunningStep step, int level, long decisionId, String processInstanceId) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        Customer customer = customers.findById(kase.customerId()).orElseThrow();
        List<OverdueItem> items = overdueItems.of(kase.customerId(), kase.currency());
        String key = messageKey(caseId, step, "email");
        if (customer.billingEmail() == null) {
            throw new IllegalStateException("Customer " + customer.externalId() + " has no billing e-mail for the "
                    + step + " of case " + caseId + "; add one and retry the job");
        }
        MessageTemplates.Rendered rendered = templates.render(step.template(), customer.locale(),
                messages.values(kase, customer, items, false));
        boolean queued = outbox.enqueue(new OutgoingMessage(key, Channel.EMAIL, customer.billingEmail(),
                rendered.subject(), rendered.body(), customer.id(), oldest(items), processInstanceId));
        if (queued) {
            caseService.recordStep(caseId, level, step, key, decisionId, null, chasedInvoices(items));
        }
    }

    /** Renders the demand letter to PDF, stores it with the case, queues it for posting and records the step. */
    @Transactional
    long sendDemandLetter(long caseId, int level, long decisionId, String processInstanceId) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        Customer customer = customers.findById(kase.customerId()).orElseThrow();
        List<OverdueItem> items = overdueItems.of(kase.customerId(), kase.currency());
        Map<String, String> values = messages.values(kase, customer, items, true);
        MessageTemplates.Rendered rendered = templates.render(DunningStep.DEMAND_LETTER.template(),
                customer.locale(), values);
        byte[] letter = pdf.render(rendered.body());
        String fileName = "demand-letter-" + kase.businessKey().replaceAll("[^A-Za-z0-9-]", "_") + "-"
                + LocalDate.now(clock) + ".pdf";
        long documentId = documents.store("DEMAND_LETTER", fileName, "application/pdf", letter);
        cases.linkDocument(caseId, documentId);
        String key = messageKey(caseId, DunningStep.DEMAND_LETTER, "letter");
        outbox.enqueue(new OutgoingMessage(key, Channel.LETTER, postalAddress(customer), rendered.subject(),
                "Demand letter " + fileName, customer.id(), oldest(items), processInstanceId, documentId));
        caseService.recordStep(caseId, level, DunningStep.DEMAND_LETTER, key, decisionId, null,
                chasedInvoices(items));
        log.info("Demand letter stored: caseId={} documentId={} bytes={}", caseId, documentId, letter.length);
        return documentId;
    }

    private static String postalAddress(Customer customer) {
        StringBuilder address = new StringBuilder(customer.name());
        for (String part : new String[] {customer.address().line1(), customer.address().line2(),
                customer.address().postalCode(), customer.address().city(), customer.country()}) {
            if (part != null) {
                address.append(", ").append(part);
            }
        }
        return address.toString();
    }

    private static String oldest(List<OverdueItem> items) {
        return items.stream().filter(item -> item.chased().signum() > 0).map(OverdueItem::invoiceNumber)
                .findFirst().orElse(null);
    }

    /** Returns the chased invoices as {@code number=remaining} pairs, the record of what the step listed. */
    private static String chasedInvoices(List<OverdueItem> items) {
        StringBuilder listed = new StringBuilder();
        for (OverdueItem item : items) {
            if (item.chased().signum() > 0) {
                listed.append(listed.isEmpty() ? "" : ", ").append(item.invoiceNumber()).append('=')
                        .append(item.chased().stripTrailingZeros().toPlainString());
            }
        }
        return listed.toString();
    }
}
