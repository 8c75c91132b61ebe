package org.arflow.dunning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.dispute.DisputeService;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.money.AmountCheck;
import org.arflow.money.Money;
import org.arflow.notification.Documents;
import org.arflow.payment.PaymentMethod;
import org.arflow.payment.PaymentRequest;
import org.arflow.payment.PaymentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands collectors and credit managers give a case: recording promises and call outcomes, pausing and
 * resuming, handing a case to an agency and recording what the agency recovered. Each signals the case at once.
 */
@Component
public class CaseCommands {

    private static final Logger log = LoggerFactory.getLogger(CaseCommands.class);
    private static final int DEFAULT_GRACE_DAYS = 3;
    private static final int MAX_PROMISE_DAYS = 90;

    private final CollectionCaseRepository cases;
    private final CollectionCaseService caseService;
    private final DunningProcess process;
    private final OverdueItems overdueItems;
    private final CustomerService customers;
    private final DisputeService disputes;
    private final PaymentService payments;
    private final Documents documents;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CaseCommands(CollectionCaseRepository cases, CollectionCaseService caseService, DunningProcess process,
            OverdueItems overdueItems, CustomerService customers, DisputeService disputes, PaymentService payments,
            Documents documents, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.caseService = caseService;
        this.process = process;
        this.overdueItems = overdueItems;
        this.customers = customers;
        this.disputes = disputes;
        this.payments = payments;
        this.documents = documents;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    CollectionCase require(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> RejectedException.notFound("collection-case-not-found",
                "No collection case has the id " + caseId));
    }

    /**
     * Records a promise to pay; the case waits until the promised date plus grace. An earlier open promise is
     * replaced, because the customer's latest word is what the collector follows up.
     */
    @Transactional
    public long recordPromise(long caseId, BigDecimal amount, String currency, LocalDate date, Integer graceDays,
            String user) {
        CollectionCase kase = requireActive(caseId);
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (currency != null && !currency.equals(kase.currency())) {
            violations.add(Violation.of("currency", currency, "the case is in " + kase.currency()
                    + "; record the promise in the case's currency"));
        }
        Currency caseCurrency = Currency.getInstance(kase.currency());
        AmountCheck.positive("amount", amount, caseCurrency, violations);
        if (date == null || date.isBefore(today)) {
            violations.add(Violation.of("date", date, "is required and may not be in the past; today is " + today));
        } else if (date.isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
            violations.add(Violation.of("date", date, "is more than " + MAX_PROMISE_DAYS + " days ahead; agree a "
                    + "payment plan and pause the case instead"));
        }
        BigDecimal owed = overdueItems.of(kase.customerId(), kase.currency()).stream().map(OverdueItem::chased)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount != null && amount.signum() > 0 && amount.compareTo(owed) > 0) {
            violations.add(Violation.of("amount", amount.toPlainString(), "exceeds what the case chases, "
                    + owed.stripTrailingZeros().toPlainString() + " " + kase.currency()));
        }
        int grace = graceDays == null ? DEFAULT_GRACE_DAYS : graceDays;
        if (grace < 0 || grace > 30) {
            violations.add(Violation.of("graceDays", graceDays, "expected 0 to 30 days"));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        cases.promises(caseId).stream().filter(promise -> promise.status().equals("OPEN"))
                .forEach(promise -> cases.resolvePromise(promise.id(), "REPLACED", today));
        long promiseId = cases.insertPromise(caseId, Money.exact(amount, caseCurrency).amount(), kase.currency(),
                date, grace, user, today, OffsetDateTime.now(clock));
        log.info("Promise to pay recorded: caseId={} promiseId={} amount={} date={}", caseId, promiseId, amount,
                date);
        process.signalAfterCommit(kase.businessKey());
        return promiseId;
    }

    @Transactional
    public void pause(long caseId, String reason) {
        CollectionCase kase = requireActive(caseId);
        if (reason == null || reason.isBlank()) {
            throw RejectedException.invalid(Violation.of("reason", reason,
                    "is required: say why dunning stops, such as 'customer in talks about a payment plan'"));
        }
        cases.updateStatus(caseId, CaseStatus.PAUSED, reason.trim());
        log.info("Collection case paused: caseId={} reason={}", caseId, reason);
        process.signalAfterCommit(kase.businessKey());
    }

    @Transactional
    public void resume(long caseId, String reason) {
        CollectionCase kase = requireActive(caseId);
        if (reason == null || reason.isBlank()) {
            throw RejectedException.invalid(Violation.of("reason", reason, "is required: say why dunning resumes"));
        }
        if (kase.status() != CaseStatus.PAUSED) {
            throw RejectedException.unprocessable("case-not-paused", "Case " + caseId + " is " + kase.status()
                    + ", not PAUSED");
        }
        cases.updateStatus(caseId, CaseStatus.OPEN, null);
        log.info("Collection case resumed: caseId={} reason={}", caseId, reason);
        process.signalAfterCommit(kase.businessKey());
    }

    /** The outcomes a collector records after a call. */
    enum CallOutcome {
        PROMISE_TO_PAY,
        DISPUTE_RAISED,
        PAID_ALREADY,
        NO_ANSWER,
        WRONG_CONTACT
    }

    /**
     * Records a call's outcome and returns whether a cash-application check is needed: the customer claims
     * to have paid, but no payment since the last step is on record.
     */
    @Transactional
    public boolean recordCallOutcome(long caseId, String outcome, BigDecimal promiseAmount, LocalDate promiseDate,
            String disputedInvoice, String disputeReason, String note, String collector, long decisionId) {
        CallOutcome call = parseOutcome(outcome);
        boolean check = false;
        switch (call) {
            case PROMISE_TO_PAY -> recordPromise(caseId, promiseAmount, null, promiseDate, null, collector);
            case DISPUTE_RAISED -> disputes.openFromCall(disputedInvoice, disputeReason, null, note, collector);
            case PAID_ALREADY -> check = !paidSinceLastStep(caseId);
            case NO_ANSWER, WRONG_CONTACT -> {
            }
        }
        caseService.recordStep(caseId, 3, DunningStep.PHONE_CALL, null, decisionId, call.name(), note);
        return check;
    }

    private static CallOutcome parseOutcome(String outcome) {
        try {
            return CallOutcome.valueOf(outcome);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw RejectedException.invalid(Violation.of("callOutcome", outcome, "expected one of "
                    + List.of(CallOutcome.values())));
        }
    }

    private boolean paidSinceLastStep(long caseId) {
        CollectionCase kase = require(caseId);
        List<CollectionCaseRepository.StepRecord> steps = cases.steps(caseId);
        LocalDate since = steps.isEmpty() ? kase.openedOn() : steps.get(steps.size() - 1).executedOn();
        long found = jdbc.sql("select count(*) from payment where customer_id = ? and currency = ? and "
                        + "received_date >= ?")
                .params(kase.customerId(), kase.currency(), since).query(Long.class).single();
        return found > 0;
    }

    /** Exports the case file for the agency, marks the case with it and stops internal dunning. */
    @Transactional
    long handOver(long caseId, String agency, long decisionId) {
        CollectionCase kase = require(caseId);
        String agencyName = agency == null || agency.isBlank() ? "unnamed agency" : agency.trim();
        byte[] caseFile = caseFile(kase, agencyName);
        long documentId = documents.store("CASE_FILE", "case-file-" + caseId + ".json", "application/json",
                caseFile);
        cases.linkDocument(caseId, documentId);
        caseService.recordStep(caseId, 6, DunningStep.AGENCY_HANDOVER, null, decisionId, "HANDED_OVER", agencyName);
        cases.handOver(caseId, agencyName);
        log.info("Collection case handed to agency: caseId={} agency={} documentId={}", caseId, agencyName,
                documentId);
        return documentId;
    }

    @Transactional
    void recordAgencyDeclined(long caseId, String note, long decisionId) {
        caseService.recordStep(caseId, 6, DunningStep.AGENCY_HANDOVER, null, decisionId, "DECLINED", note);
    }

    private byte[] caseFile(CollectionCase kase, String agency) {
        Customer customer = customers.findById(kase.customerId()).orElseThrow();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("agency", agency);
        file.put("case", kase);
        file.put("customer", customer);
        file.put("overdueInvoices", overdueItems.of(kase.customerId(), kase.currency()));
        file.put("steps", cases.steps(kase.id()));
        file.put("promises", cases.promises(kase.id()));
        file.put("documents", cases.documents(kase.id()));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(file).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException unserialisable) {
            throw new IllegalStateException("The case file of case " + kase.id() + " cannot be written",
                    unserialisable);
        }
    }

    /**
     * Records money an agency recovered for a handed-over case: a payment allocated to the invoice, and the
     * commission the agency kept, which the customer still owes the company nothing for.
     */
    @Transactional
    public long recordAgencyRecovery(long caseId, String invoiceNumber, BigDecimal amount, BigDecimal commission,
            LocalDate receivedDate) {
        CollectionCase kase = require(caseId);
        if (kase.status() != CaseStatus.WITH_AGENCY) {
            throw RejectedException.unprocessable("case-not-with-agency", "Case " + caseId + " is "
                    + kase.status() + "; only a case handed to an agency records agency recoveries");
        }
        Currency currency = Currency.getInstance(kase.currency());
        if (commission == null || commission.signum() < 0 || amount == null || commission.compareTo(amount) > 0) {
            throw RejectedException.invalid(Violation.of("commission", commission,
                    "is required, not negative and at most the recovered amount"));
        }
        PaymentRequest payment = new PaymentRequest(kase.customer(), amount, kase.currency(),
                PaymentMethod.BANK_TRANSFER, receivedDate, "Agency recovery, case " + caseId + " (" + kase.agency()
                        + ")", List.of(new PaymentRequest.Allocation(invoiceNumber, amount)));
        long paymentId = payments.record(payment, null).payment().id();
        long invoiceId = jdbc.sql("select id from invoice where invoice_number = ?").param(invoiceNumber)
                .query(Long.class).single();
        jdbc.sql("""
                insert into agency_recovery (case_id, invoice_id, payment_id, amount, commission, currency,
                    received_date, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, invoiceId, paymentId, Money.exact(amount, currency).amount(),
                        Money.exact(commission, currency).amount(), kase.currency(), receivedDate,
                        OffsetDateTime.now(clock))
                .update();
        log.info("Agency recovery recorded: caseId={} invoiceNumber={} amount={} commission={}", caseId,
                invoiceNumber, amount, commission);
        boolean nothingLeft = overdueItems.of(kase.customerId(), kase.currency()).isEmpty();
        if (nothingLeft) {
            cases.close(caseId, LocalDate.now(clock), "RECOVERED_BY_AGENCY");
            log.info("Collection case closed after agency recovery: caseId={}", caseId);
        }
        return paymentId;
    }

    @Transactional
    public void saveProfile(String customerExternalId, boolean insolvent, boolean consumer, BigDecimal contractRate) {
        Customer customer = customers.findByExternalId(customerExternalId).orElseThrow(() ->
                RejectedException.notFound("customer-not-found", "No customer has the external id '"
                        + customerExternalId + "'"));
        boolean outOfRange = contractRate != null
                && (contractRate.signum() < 0 || contractRate.compareTo(BigDecimal.valueOf(100)) > 0);
        if (outOfRange) {
            throw RejectedException.invalid(Violation.of("contractInterestRate", contractRate,
                    "expected an annual rate in percent from 0 to 100"));
        }
        cases.saveCollectionProfile(customer.id(), new CollectionCaseRepository.CollectionProfile(insolvent,
                consumer, contractRate), OffsetDateTime.now(clock));
        for (String currency : jdbc.sql("select distinct currency from collection_case where customer_id = ?")
                .param(customer.id()).query(String.class).list()) {
            caseService.signal(customer.id(), currency);
        }
    }

    private CollectionCase requireActive(long caseId) {
        CollectionCase kase = require(caseId);
        if (!kase.status().isActive()) {
            throw RejectedException.unprocessable("collection-case-closed", "Case " + caseId + " is "
                    + kase.status() + "; it takes no more promises or pauses");
        }
        return kase;
    }
}
