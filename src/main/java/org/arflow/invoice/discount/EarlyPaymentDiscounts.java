package org.arflow.invoice.discount;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arflow.customer.Customer;
import org.arflow.customer.credit.CreditPolicy;
import org.arflow.customer.credit.CreditProfile;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceDraft;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.Money;
import org.arflow.rules.DecisionTrace;
import org.arflow.rules.Evaluation;
import org.arflow.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fixes an invoice's payment terms and offered discounts at issue with the early-payment discount rules, and
 * computes the discount a payment earns for payment allocation. Terms are stored per invoice, so a later
 * change of the customer's terms or of the rules never rewrites an issued invoice.
 */
@Service
public class EarlyPaymentDiscounts {

    public static final String RULE_FILE = "early-payment-discount.drl";
    static final String RULE_SET = "early-payment-discount";
    static final String DECISION_TYPE = "discount-offer";

    private static final Logger log = LoggerFactory.getLogger(EarlyPaymentDiscounts.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RuleEngine rules;
    private final DecisionTrace trace;
    private final CreditPolicy creditPolicy;
    private final InvoiceTermsRepository terms;
    private final Ledger ledger;

    EarlyPaymentDiscounts(RuleEngine rules, DecisionTrace trace, CreditPolicy creditPolicy,
            InvoiceTermsRepository terms, Ledger ledger) {
        this.rules = rules;
        this.trace = trace;
        this.creditPolicy = creditPolicy;
        this.terms = terms;
        this.ledger = ledger;
    }

    /**
     * Checks the draft's own payment terms and, when it has no due date, sets it from the terms that apply:
     * the invoice date plus the net days.
     *
     * @throws RejectedException when the draft's payment terms are invalid
     */
    public InvoiceDraft withDueDateFromTerms(InvoiceDraft draft, Customer customer) {
        List<Violation> violations = new ArrayList<>();
        PaymentTerms own = draft.paymentTerms() == null ? null
                : PaymentTerms.parse(draft.paymentTerms(), "paymentTerms", violations);
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        if (draft.dueDate() != null || draft.issueDate() == null) {
            return draft;
        }
        PaymentTerms applied = own != null ? own : customerTerms(customer);
        return new InvoiceDraft(draft.invoiceNumber(), draft.currency(), draft.issueDate(),
                draft.issueDate().plusDays(applied.netDays()), draft.reference(), draft.declaredTotal(),
                draft.lines(), draft.paymentTerms());
    }

    /**
     * Decides and stores the discounts of a newly issued invoice, on its own terms or else the customer's, and
     * records the decision.
     */
    public InvoiceTerms offer(Invoice invoice, Customer customer, String invoiceTerms) {
        CreditProfile profile = creditPolicy.profile(customer);
        PaymentTerms applied = invoiceTerms != null ? parseStored(invoiceTerms) : parseStored(profile.paymentTerms());
        String source = invoiceTerms != null ? "INVOICE" : "CUSTOMER";
        DiscountRequest request = new DiscountRequest(invoice.invoiceNumber(), applied.code(), applied.tiers(),
                invoice.issueDate(), invoice.totalAmount(), invoice.currency().getCurrencyCode(), profile.riskClass(),
                profile.onHold());
        DiscountDecision decision = new DiscountDecision();
        Evaluation evaluation = rules.evaluate(List.of(request, decision));
        List<OfferedDiscount> discounts = priced(decision.getOffers(), invoice);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("DiscountRequest", request);
        long decisionId = trace.record(new DecisionTrace.Entry(RULE_SET, DECISION_TYPE, evaluation,
                invoice.customerId(), invoice.invoiceNumber(), decision.getOutcome(), decision.getReasonCode(), inputs,
                Map.of("outcome", decision.getOutcome(), "discounts", discounts)));
        InvoiceTerms stored = new InvoiceTerms(applied.code(), source, decision.getOutcome(),
                decision.getReasonCode(), decisionId, discounts);
        terms.insert(invoice.id(), stored);
        log.info("Invoice terms fixed: invoiceNumber={} paymentTerms={} discounts={} decisionId={}",
                invoice.invoiceNumber(), applied.code(), discounts.size(), decisionId);
        return stored;
    }

    /** Returns the invoice's terms with amounts at the currency's minor unit, or empty for an older invoice. */
    public Optional<InvoiceTerms> terms(Invoice invoice) {
        return terms.find(invoice.id()).map(stored -> new InvoiceTerms(stored.paymentTerms(), stored.source(),
                stored.discountOutcome(), stored.reasonCode(), stored.decisionId(), stored.discounts().stream()
                        .map(discount -> scaled(discount, invoice))
                        .toList()));
    }

    private static OfferedDiscount scaled(OfferedDiscount discount, Invoice invoice) {
        return new OfferedDiscount(discount.tier(), discount.ratePercent().stripTrailingZeros(), discount.lastDay(),
                Money.exact(discount.discountAmount(), invoice.currency()).amount(),
                Money.exact(discount.discountedAmount(), invoice.currency()).amount());
    }

    /**
     * Returns the discount a payment earns, or empty. It earns the largest offered discount whose last day is
     * on or after {@code paidOn} and whose discounted remainder (open balance less the discount) the available
     * amount covers. An invoice earns at most one discount.
     */
    public Optional<Money> discountEarned(Invoice invoice, Money openBalance, Money available, LocalDate paidOn) {
        boolean discountTaken = ledger.invoicePostings(invoice.id()).stream()
                .anyMatch(posting -> posting.kind() == PostingKind.DISCOUNT);
        if (discountTaken) {
            return Optional.empty();
        }
        return terms.discounts(invoice.id()).stream()
                .filter(discount -> !paidOn.isAfter(discount.lastDay()))
                .map(discount -> Money.exact(discount.discountAmount(), invoice.currency()))
                .filter(discount -> openBalance.minus(discount).isPositive())
                .filter(discount -> available.compareTo(openBalance.minus(discount)) >= 0)
                .max(Comparator.naturalOrder());
    }

    /** Returns the invoice e-mail's discount lines; see {@link DiscountWording#describe}. */
    public String emailText(Invoice invoice, Locale locale, NumberFormat money, DateTimeFormatter date) {
        return DiscountWording.describe(terms.discounts(invoice.id()), locale, money, date);
    }

    /** Computes each discount once on the document total, HALF_UP at the currency's minor unit. */
    static List<OfferedDiscount> priced(List<DiscountDecision.Offer> offers, Invoice invoice) {
        Money total = Money.exact(invoice.totalAmount(), invoice.currency());
        List<OfferedDiscount> discounts = new ArrayList<>();
        for (DiscountDecision.Offer offer : offers) {
            Money discount = Money.rounded(total.amount().multiply(offer.ratePercent()).divide(HUNDRED),
                    invoice.currency());
            discounts.add(new OfferedDiscount(discounts.size() + 1, offer.ratePercent(), offer.lastDay(),
                    discount.amount(), total.minus(discount).amount()));
        }
        return discounts;
    }

    private PaymentTerms customerTerms(Customer customer) {
        return parseStored(creditPolicy.profile(customer).paymentTerms());
    }

    private static PaymentTerms parseStored(String code) {
        List<Violation> violations = new ArrayList<>();
        PaymentTerms parsed = PaymentTerms.parse(code, "paymentTerms", violations);
        if (parsed == null) {
            throw new IllegalStateException("Stored payment terms '" + code + "' are invalid: " + violations);
        }
        return parsed;
    }
}
