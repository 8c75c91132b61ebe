package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.dunning.latepayment.LateChargeFacts;
import org.arflow.dunning.latepayment.LatePaymentRules;
import org.arflow.invoice.InvoiceService;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.Money;
import org.arflow.rules.DecisionTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges late-payment interest and fixed compensation to a case's overdue invoices, as the late-payment
 * rules decide, and the policy's flat fee. Each invoice keeps the day up to which interest was charged, so
 * a later charge covers only the days since, and the fixed compensation is charged once.
 */
@Component
class LateCharges {

    private static final Logger log = LoggerFactory.getLogger(LateCharges.class);

    private final CollectionCaseRepository cases;
    private final OverdueItems overdueItems;
    private final CustomerService customers;
    private final LatePaymentRules rules;
    private final Ledger ledger;
    private final InvoiceService invoices;
    private final DecisionTrace trace;
    private final JdbcClient jdbc;
    private final Clock clock;

    LateCharges(CollectionCaseRepository cases, OverdueItems overdueItems, CustomerService customers,
            LatePaymentRules rules, Ledger ledger, InvoiceService invoices, DecisionTrace trace, JdbcClient jdbc,
            Clock clock) {
        this.cases = cases;
        this.overdueItems = overdueItems;
        this.customers = customers;
        this.rules = rules;
        this.ledger = ledger;
        this.invoices = invoices;
        this.trace = trace;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void charge(long caseId, int level, BigDecimal flatFee) {
        CollectionCase kase = cases.findById(caseId).orElseThrow();
        Customer customer = customers.findById(kase.customerId()).orElseThrow();
        CollectionCaseRepository.CollectionProfile profile = cases.collectionProfile(kase.customerId());
        Currency currency = Currency.getInstance(kase.currency());
        LocalDate today = LocalDate.now(clock);
        List<OverdueItem> items = overdueItems.of(kase.customerId(), kase.currency());
        for (OverdueItem item : items) {
            if (item.interestBearing().signum() > 0) {
                chargeInvoice(kase, customer, profile, currency, item, today);
            }
        }
        if (flatFee != null && flatFee.signum() > 0) {
            items.stream().filter(item -> item.chased().signum() > 0).findFirst().ifPresent(oldest -> {
                ledger.post(kase.customerId(), oldest.invoiceId(), null, PostingKind.FEE,
                        Money.rounded(flatFee, currency), today, "dunning fee, level " + level);
                invoices.balanceChanged(oldest.invoiceId(), PostingKind.FEE);
            });
        }
    }

    private void chargeInvoice(CollectionCase kase, Customer customer,
            CollectionCaseRepository.CollectionProfile profile, Currency currency, OverdueItem item, LocalDate today) {
        LocalDate from = item.interestChargedTo() == null ? item.dueDate().plusDays(1)
                : item.interestChargedTo().plusDays(1);
        NavigableMap<LocalDate, BigDecimal> principalFrom = principalHistory(item, from);
        BigDecimal firstPrincipal = principalFrom.isEmpty() ? item.interestBearing()
                : principalFrom.firstEntry().getValue();
        LateChargeFacts facts = new LateChargeFacts(item.invoiceNumber(), kase.currency(), customer.country(),
                profile.consumer(), Money.rounded(firstPrincipal, currency).amount(), item.dueDate(), from,
                today, item.compensationCharged(), profile.contractInterestRate());
        LatePaymentRules.Result result = rules.decide(facts, Money.minorUnit(currency), principalFrom);
        Money interest = Money.exact(result.interest(), currency);
        Money compensation = Money.rounded(result.charge().getCompensation(), currency);

        if (interest.isPositive()) {
            ledger.post(kase.customerId(), item.invoiceId(), null, PostingKind.INTEREST, interest, today,
                    "interest " + from + ".." + today + " " + result.charge().getRegime());
        }
        if (compensation.isPositive()) {
            ledger.post(kase.customerId(), item.invoiceId(), null, PostingKind.FEE, compensation, today,
                    "fixed compensation " + result.charge().getRegime());
        }
        boolean compensated = item.compensationCharged() || compensation.isPositive();
        invoices.recordLateCharge(item.invoiceId(), today, compensated);
        record(kase, item, facts, result, interest, compensation);
        if (interest.isPositive() || compensation.isPositive()) {
            invoices.balanceChanged(item.invoiceId(), PostingKind.INTEREST);
        }
        log.info("Late charge posted: caseId={} invoiceNumber={} regime={} interest={} compensation={}", kase.id(),
                item.invoiceNumber(), result.charge().getRegime(), interest, compensation);
    }

    /**
     * Returns the interest-bearing principal from each day it changed on, starting at {@code from}. A payment or
     * credit note posted on a day lowers the principal from the next day, because the day it arrived still
     * counts as late. A reversal takes effect on the date of the payment it cancels, so that a returned
     * payment leaves no gap in the interest. The amount under open dispute is left out throughout.
     */
    private NavigableMap<LocalDate, BigDecimal> principalHistory(OverdueItem item, LocalDate from) {
        NavigableMap<LocalDate, BigDecimal> principalFrom = new TreeMap<>();
        BigDecimal principal = item.totalAmount().subtract(item.disputed());
        List<Object[]> credits = jdbc.sql("""
                select coalesce(original.posting_date, p.posting_date) as effective_date, -p.amount
                from posting p left join posting original on original.id = p.reverses_id
                where p.invoice_id = ? and p.kind in """ + OverdueItems.PRINCIPAL_CREDIT_KINDS + """
                order by effective_date, p.id""")
                .param(item.invoiceId())
                .query((row, rowNumber) -> new Object[] {row.getObject(1, LocalDate.class), row.getBigDecimal(2)})
                .list();
        for (Object[] credit : credits) {
            LocalDate effective = ((LocalDate) credit[0]).plusDays(1);
            principal = principal.subtract((BigDecimal) credit[1]);
            if (effective.isAfter(from)) {
                principalFrom.merge(effective, principal.max(BigDecimal.ZERO), (old, latest) -> latest);
            }
        }
        BigDecimal atStart = item.totalAmount().subtract(item.disputed());
        for (Object[] credit : credits) {
            if (!((LocalDate) credit[0]).plusDays(1).isAfter(from)) {
                atStart = atStart.subtract((BigDecimal) credit[1]);
            }
        }
        principalFrom.put(from, atStart.max(BigDecimal.ZERO));
        return principalFrom;
    }

    private void record(CollectionCase kase, OverdueItem item, LateChargeFacts facts, LatePaymentRules.Result result,
            Money interest, Money compensation) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("LateChargeFacts", facts);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("regime", result.charge().getRegime());
        outcome.put("periods", result.periods().stream().map(Object::toString).toList());
        outcome.put("interest", interest.amount());
        outcome.put("compensation", compensation.amount());
        trace.record(new DecisionTrace.Entry("late-payment", "LATE_CHARGE", result.evaluation(), kase.customerId(),
                item.invoiceNumber(), result.charge().getRegime(), result.charge().getReasonCode(), input, outcome));
    }
}
