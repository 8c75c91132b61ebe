package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceService;
import org.arflow.ledger.Ledger;
import org.arflow.rules.DecisionTrace;
import org.arflow.rules.Evaluation;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.RuleEvaluationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks a new invoice against its customer's credit with the credit-policy rules: exposure (open balance
 * plus the invoice) against the limit, and the customer's payment behaviour. Records the decision; acting on
 * it is the credit-review process's part.
 */
@Service
public class InvoiceCreditCheck {

    static final String DECISION_TYPE = "invoice-credit-check";

    private static final Logger log = LoggerFactory.getLogger(InvoiceCreditCheck.class);
    private static final int PERCENT_WHEN_NO_LIMIT = 1000;

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final CreditPolicy creditPolicy;
    private final PaymentBehaviour behaviour;
    private final Ledger ledger;
    private final RuleEngine rules;
    private final DecisionTrace trace;
    private final Clock clock;

    InvoiceCreditCheck(InvoiceService invoices, CustomerService customers, CreditPolicy creditPolicy,
            PaymentBehaviour behaviour, Ledger ledger, RuleEngine rules, DecisionTrace trace, Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.creditPolicy = creditPolicy;
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.rules = rules;
        this.trace = trace;
        this.clock = clock;
    }

    /** The decision about one invoice, with the figures a credit manager reviews it on. */
    public record Result(Customer customer, CreditProfile profile, CreditExposure exposure, Aging aging,
            CreditOutcome outcome, String reasonCode, long decisionId) {
    }

    /**
     * Decides whether the invoice is approved, held or referred for review.
     *
     * @throws RuleEvaluationException when a rule fails or no rule decides, so the step never approves silently
     */
    public Result check(String invoiceNumber) {
        Invoice invoice = invoices.findByNumber(invoiceNumber).orElseThrow(() -> new IllegalStateException(
                "Invoice " + invoiceNumber + " is not stored, so its credit cannot be checked"));
        Customer customer = customers.findById(invoice.customerId()).orElseThrow();
        CreditProfile profile = creditPolicy.profile(customer);
        LocalDate today = LocalDate.now(clock);
        Aging aging = behaviour.aging(customer.id(), profile.currency(), today);
        CreditExposure exposure = exposure(invoice, customer, profile, aging, today);
        CreditDecision decision = new CreditDecision();
        Evaluation evaluation = rules.evaluate(List.of(exposure, decision));
        if (decision.getOutcome() == null) {
            throw new RuleEvaluationException(null, "No rule of " + CreditPolicy.RULE_FILE + " decided about invoice "
                    + invoiceNumber + " (rules fired: " + evaluation.firedRules() + "); the policy needs a rule "
                    + "that approves when nothing objects", null);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("CreditExposure", exposure);
        long decisionId = trace.record(new DecisionTrace.Entry(CreditPolicy.RULE_SET, DECISION_TYPE, evaluation,
                customer.id(), invoiceNumber, decision.getOutcome().name(), decision.getReasonCode(), inputs,
                decision));
        log.info("Invoice credit checked: invoiceNumber={} customerId={} outcome={} reasonCode={} decisionId={}",
                invoiceNumber, customer.id(), decision.getOutcome(), decision.getReasonCode(), decisionId);
        return new Result(customer, profile, exposure, aging, decision.getOutcome(), decision.getReasonCode(),
                decisionId);
    }

    private CreditExposure exposure(Invoice invoice, Customer customer, CreditProfile profile, Aging aging,
            LocalDate today) {
        String currency = invoice.currency().getCurrencyCode();
        boolean sameCurrency = currency.equals(profile.currency());
        BigDecimal invoiceAmount = invoice.totalAmount();
        // The invoice is already in the ledger. Its own open balance is taken out, so that exposure counts its
        // total once whatever has been paid on it since.
        BigDecimal openBalance = behaviour.openBalance(customer.id(), currency)
                .subtract(ledger.invoiceBalance(invoice.id()));
        BigDecimal exposure = openBalance.add(invoiceAmount);
        return new CreditExposure(invoice.invoiceNumber(), profile.riskClass(), profile.creditLimit(), sameCurrency,
                invoiceAmount, openBalance, exposure, percentOf(exposure, profile.creditLimit()),
                sameCurrency ? behaviour.overdueBalance(aging) : BigDecimal.ZERO,
                behaviour.oldestDaysPastDue(customer.id(), today), behaviour.brokenPromises(customer.externalId()),
                profile.onHold());
    }

    private static int percentOf(BigDecimal exposure, BigDecimal limit) {
        if (limit.signum() == 0) {
            return PERCENT_WHEN_NO_LIMIT;
        }
        return exposure.multiply(BigDecimal.valueOf(100)).divide(limit, 0, RoundingMode.DOWN).intValue();
    }
}
