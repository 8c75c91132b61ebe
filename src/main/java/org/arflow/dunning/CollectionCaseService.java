package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.dispute.DisputeOpened;
import org.arflow.dispute.DisputeResolved;
import org.arflow.event.DomainEvents;
import org.arflow.invoice.InvoiceBalanceChanged;
import org.arflow.invoice.InvoiceOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens collection cases, decides their next step with the dunning policy, and re-evaluates them whenever an
 * invoice of theirs changes. A case is decided while its row is locked, so a payment and a step never both
 * act on the same state.
 */
@Service
public class CollectionCaseService {

    private static final Logger log = LoggerFactory.getLogger(CollectionCaseService.class);

    private final CollectionCaseRepository cases;
    private final OverdueItems overdueItems;
    private final DunningPolicy policy;
    private final DunningProcess process;
    private final CustomerService customers;
    private final DomainEvents events;
    private final JdbcClient jdbc;
    private final CompanyProperties company;
    private final Clock clock;

    CollectionCaseService(CollectionCaseRepository cases, OverdueItems overdueItems, DunningPolicy policy,
            DunningProcess process, CustomerService customers, DomainEvents events, JdbcClient jdbc,
            CompanyProperties company, Clock clock) {
        this.cases = cases;
        this.overdueItems = overdueItems;
        this.policy = policy;
        this.process = process;
        this.customers = customers;
        this.events = events;
        this.jdbc = jdbc;
        this.company = company;
        this.clock = clock;
    }

    /**
     * Opens the customer's case for the currency on the first overdue invoice that is not disputed in full,
     * or signals the open case about the new one. Runs in the transaction that marked the invoice overdue.
     */
    @EventListener
    public void onInvoiceOverdue(InvoiceOverdue overdue) {
        cases.lockCustomer(overdue.customerId());
        Optional<CollectionCase> active = cases.findActive(overdue.customerId(), overdue.currency());
        if (active.isPresent()) {
            process.signalAfterCommit(active.get().businessKey());
            return;
        }
        List<OverdueItem> items = overdueItems.of(overdue.customerId(), overdue.currency());
        boolean chased = items.stream().anyMatch(item -> item.chased().signum() > 0);
        if (!chased) {
            log.info("No case opened, everything overdue is disputed: customerId={} invoiceNumber={}",
                    overdue.customerId(), overdue.invoiceNumber());
            return;
        }
        Customer customer = customers.findById(overdue.customerId()).orElseThrow();
        String businessKey = customer.externalId() + "/" + overdue.currency();
        long caseId = cases.insert(customer.id(), overdue.currency(), businessKey, LocalDate.now(clock),
                OffsetDateTime.now(clock));
        process.start(caseId, businessKey);
        log.info("Collection case opened: caseId={} customerId={} currency={} invoiceNumber={}", caseId,
                customer.id(), overdue.currency(), overdue.invoiceNumber());
    }

    /** Re-evaluates the open case of the invoice's customer after every balance change. */
    @EventListener
    public void onBalanceChanged(InvoiceBalanceChanged changed) {
        signal(changed.customerId(), changed.currency());
    }

    @EventListener
    public void onDisputeOpened(DisputeOpened opened) {
        signal(opened.customerId(), opened.currency());
    }

    /**
     * Re-evaluates the case after a resolution, or opens one when the invoice was disputed in full before it
     * fell overdue and a rejection makes it chased again.
     */
    @EventListener
    public void onDisputeResolved(DisputeResolved resolved) {
        cases.lockCustomer(resolved.customerId());
        Optional<CollectionCase> active = cases.findActive(resolved.customerId(), resolved.currency());
        if (active.isPresent()) {
            process.signalAfterCommit(active.get().businessKey());
            return;
        }
        boolean chased = overdueItems.of(resolved.customerId(), resolved.currency()).stream()
                .anyMatch(item -> item.chased().signum() > 0);
        if (chased) {
            Customer customer = customers.findById(resolved.customerId()).orElseThrow();
            String businessKey = customer.externalId() + "/" + resolved.currency();
            long caseId = cases.insert(customer.id(), resolved.currency(), businessKey, LocalDate.now(clock),
                    OffsetDateTime.now(clock));
            process.start(caseId, businessKey);
            log.info("Collection case opened after a dispute was resolved: caseId={} disputeId={}", caseId,
                    resolved.disputeId());
        }
    }

    void signal(long customerId, String currency) {
        cases.findActive(customerId, currency).ifPresent(kase -> process.signalAfterCommit(kase.businessKey()));
    }

    /**
     * Decides the case's next step from the ledger as it is now. Promises past their date and grace are
     * resolved first, so that a broken one escalates in this very decision.
     */
    @Transactional
    NextStep decide(long caseId) {
        CollectionCase kase = cases.lock(caseId);
        LocalDate today = LocalDate.now(clock);
        Customer customer = customers.findById(kase.customerId()).orElseThrow();
        boolean promiseBroken = resolveDuePromises(kase, today);
        DunningFacts facts = facts(kase, today, promiseBroken);
        String oldestInvoice = overdueItems.of(kase.customerId(), kase.currency()).stream()
                .filter(item -> item.chased().signum() > 0).map(OverdueItem::invoiceNumber).findFirst().orElse(null);

        DunningPolicy.Decided decided = policy.decide(facts, kase.customerId(), oldestInvoice);
        NextStep next = schedule(decided, customer);
        cases.updateNextStep(caseId, next.step() == null ? next.action().name() : next.step().name(),
                next.executeAt() == null ? null : OffsetDateTime.ofInstant(next.executeAt(), clock.getZone()));
        if (next.action() == DunningDecision.Action.CLOSE) {
            cases.close(caseId, today, next.reasonCode());
            log.info("Collection case closed: caseId={} reason={}", caseId, next.reasonCode());
        } else {
            log.info("Collection case decided: caseId={} action={} step={} level={} executeAt={} reason={}", caseId,
                    next.action(), next.step(), next.level(), next.executeAt(), next.reasonCode());
        }
        return next;
    }

    private DunningFacts facts(CollectionCase kase, LocalDate today, boolean promiseBroken) {
        List<OverdueItem> items = overdueItems.of(kase.customerId(), kase.currency());
        BigDecimal chased = items.stream().map(OverdueItem::chased).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal disputed = items.stream().map(item -> item.disputed().min(item.balance()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate oldestDue = items.stream().filter(item -> item.chased().signum() > 0)
                .map(OverdueItem::dueDate).findFirst().orElse(null);
        List<CollectionCaseRepository.StepRecord> steps = cases.steps(kase.id());
        LocalDate lastStepOn = steps.isEmpty() ? null : steps.get(steps.size() - 1).executedOn();
        List<CollectionCaseRepository.StepRecord> calls = steps.stream()
                .filter(step -> step.step().equals(DunningStep.PHONE_CALL.name())).toList();
        String lastCallOutcome = calls.isEmpty() ? null : calls.get(calls.size() - 1).outcome();
        LocalDate promiseDueOn = cases.promises(kase.id()).stream()
                .filter(promise -> promise.status().equals("OPEN"))
                .map(promise -> promise.promisedDate().plusDays(promise.graceDays()))
                .findFirst().orElse(null);
        CollectionCaseRepository.CollectionProfile profile = cases.collectionProfile(kase.customerId());
        LocalDate resumedOn = jdbc.sql("""
                select max(d.resolved_on) from dispute d join invoice i on i.id = d.invoice_id
                where d.customer_id = ? and i.currency = ? and d.resolved_on >= ?""")
                .params(kase.customerId(), kase.currency(), kase.openedOn())
                .query(LocalDate.class).optional().orElse(null);
        return new DunningFacts(kase.id(), kase.currency(), today, oldestDue, chased, disputed, kase.dunningLevel(),
                lastStepOn, lastCallOutcome, calls.size(), kase.status() == CaseStatus.PAUSED, profile.insolvent(),
                profile.consumer(), promiseDueOn, promiseBroken, resumedOn);
    }

    /**
     * Settles each open promise whose date plus grace has passed: kept when the customer has paid at least the
     * promised amount in the case's currency since making it, broken otherwise.
     */
    private boolean resolveDuePromises(CollectionCase kase, LocalDate today) {
        boolean broken = false;
        for (CollectionCaseRepository.PromiseRecord promise : cases.promises(kase.id())) {
            LocalDate dueOn = promise.promisedDate().plusDays(promise.graceDays());
            if (!promise.status().equals("OPEN") || !today.isAfter(dueOn)) {
                continue;
            }
            BigDecimal paid = jdbc.sql("""
                    select coalesce(sum(amount), 0) from payment
                    where customer_id = ? and currency = ? and received_date >= ?""")
                    .params(kase.customerId(), kase.currency(), promise.recordedOn())
                    .query(BigDecimal.class).single();
            if (paid.compareTo(promise.amount()) >= 0) {
                cases.resolvePromise(promise.id(), "KEPT", today);
                log.info("Promise to pay kept: caseId={} promiseId={}", kase.id(), promise.id());
                continue;
            }
            cases.resolvePromise(promise.id(), "BROKEN", today);
            // The subject is the customer, because the credit policy counts broken promises per customer.
            events.record(kase.customer(), new PromiseToPayBroken(kase.id(), promise.id(),
                    kase.customerId(), promise.amount(), promise.currency(), promise.promisedDate()));
            broken = true;
        }
        return broken;
    }

    private NextStep schedule(DunningPolicy.Decided decided, Customer customer) {
        DunningDecision decision = decided.decision();
        Instant now = clock.instant();
        Instant executeAt = switch (decision.getAction()) {
            case STEP -> stepTime(decision, customer, now);
            case WAIT -> waitEnd(decision.getDueOn(), now);
            case HOLD, CLOSE -> null;
        };
        boolean dueNow = decision.getAction() == DunningDecision.Action.STEP && !executeAt.isAfter(now);
        return new NextStep(decision.getAction(), decision.getStep(), decision.getLevel(), executeAt, dueNow,
                decided.decisionId(), decision.getReasonCode(), decision.getFlatFee());
    }

    /**
     * Messages and calls wait for business hours in the customer's time zone. An agency proposal waits only
     * for its due day, because it goes to a credit manager, not the customer.
     */
    private Instant stepTime(DunningDecision decision, Customer customer, Instant now) {
        DunningStep.Channel channel = decision.getStep().channel();
        if (channel != DunningStep.Channel.AGENCY) {
            return SendingWindow.next(decision.getDueOn(), now, customer.timeZone(), decision.getSendFrom(),
                    decision.getSendUntil());
        }
        return later(decision.getDueOn().atStartOfDay(company.timeZone()).toInstant(), now);
    }

    /** Ends a wait at the start of a day after today, so that a wait can never end at once and loop. */
    private Instant waitEnd(LocalDate until, Instant now) {
        LocalDate tomorrow = LocalDate.ofInstant(now, company.timeZone()).plusDays(1);
        LocalDate end = until.isAfter(tomorrow) ? until : tomorrow;
        return end.atStartOfDay(company.timeZone()).toInstant();
    }

    private static Instant later(Instant candidate, Instant now) {
        return candidate.isAfter(now) ? candidate : now;
    }

    /**
     * Returns the account as a collector reads it before a call: contacts, overdue invoices, the steps so far
     * and the promises made.
     */
    String callSummary(long caseId) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        Customer customer = customers.findById(kase.customerId()).orElseThrow();
        StringBuilder summary = new StringBuilder();
        summary.append(customer.name()).append(" (").append(customer.externalId()).append(")\n");
        summary.append("E-mail: ").append(customer.billingEmail() == null ? "none" : customer.billingEmail())
                .append(", time zone ").append(customer.timeZone()).append("\n\nOverdue invoices:\n");
        for (OverdueItem item : overdueItems.of(kase.customerId(), kase.currency())) {
            summary.append("  ").append(item.invoiceNumber()).append(" due ").append(item.dueDate())
                    .append(": open ").append(item.balance().stripTrailingZeros().toPlainString())
                    .append(' ').append(kase.currency());
            if (item.disputed().signum() > 0) {
                summary.append(", disputed ").append(item.disputed().stripTrailingZeros().toPlainString());
            }
            summary.append("\n");
        }
        summary.append("\nSteps so far:\n");
        cases.steps(caseId).forEach(step -> summary.append("  ").append(step.executedOn()).append(' ')
                .append(step.step()).append(step.outcome() == null ? "" : " " + step.outcome()).append("\n"));
        summary.append("\nPromises:\n");
        cases.promises(caseId).forEach(promise -> summary.append("  ").append(promise.recordedOn()).append(": ")
                .append(promise.amount().stripTrailingZeros().toPlainString()).append(" by ")
                .append(promise.promisedDate()).append(", ").append(promise.status()).append("\n"));
        return summary.toString();
    }

    String customerName(long caseId) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        return customers.findById(kase.customerId()).map(Customer::name).orElse(kase.customer());
    }

    /** Returns the task priority of a call, from 1 to 100: higher for larger and older debts. */
    int callPriority(long caseId) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        List<OverdueItem> items = overdueItems.of(kase.customerId(), kase.currency());
        BigDecimal chased = items.stream().map(OverdueItem::chased).reduce(BigDecimal.ZERO, BigDecimal::add);
        long daysPastDue = items.isEmpty() ? 0
                : java.time.temporal.ChronoUnit.DAYS.between(items.get(0).dueDate(), LocalDate.now(clock));
        long byAmount = Math.min(50, chased.longValue() / 1000);
        return (int) Math.max(1, Math.min(100, byAmount + Math.min(50, daysPastDue)));
    }

    /** Records a step the case carried out and raises its dunning level to the step's. */
    @Transactional
    void recordStep(long caseId, int level, DunningStep step, String messageKey, Long decisionId, String outcome,
            String note) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        cases.insertStep(caseId, level, step.name(), step.channel().name(), LocalDate.now(clock),
                OffsetDateTime.now(clock), messageKey, decisionId, outcome, note);
        if (level > kase.dunningLevel()) {
            cases.updateLevel(caseId, level);
        }
        events.record(String.valueOf(caseId), new CaseEscalated(caseId, kase.customerId(), kase.currency(), level,
                step));
        log.info("Dunning step carried out: caseId={} level={} step={} outcome={}", caseId, level, step, outcome);
    }
}
