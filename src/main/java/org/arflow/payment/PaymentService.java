package org.arflow.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.idempotency.ContentHash;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceService;
import org.arflow.invoice.discount.EarlyPaymentDiscounts;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.AmountCheck;
import org.arflow.money.Currencies;
import org.arflow.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records payments and applies them to invoices. A payment never allocates more than an invoice's open
 * balance; what is left stays with the customer as unapplied credit.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    /** Candidate invoice numbers in a free-text reference, trailing punctuation excluded. */
    private static final Pattern REFERENCE_TOKEN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");

    private final PaymentRepository payments;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final Ledger ledger;
    private final Clock clock;
    private final EarlyPaymentDiscounts discounts;

    PaymentService(PaymentRepository payments, CustomerService customers, InvoiceService invoices, Ledger ledger,
            Clock clock, EarlyPaymentDiscounts discounts) {
        this.payments = payments;
        this.customers = customers;
        this.invoices = invoices;
        this.ledger = ledger;
        this.clock = clock;
        this.discounts = discounts;
    }

    /** The outcome of recording: the payment and whether this call created it. */
    public record Recording(Payment payment, boolean created) {
    }

    /**
     * Records a payment and allocates it, in one transaction with the invoice processes it settles. With an
     * idempotency key, the same request again returns the first payment and a different one is a conflict.
     */
    @Transactional
    public Recording record(PaymentRequest request, String idempotencyKey) {
        Customer customer = checkRequest(request);
        Money amount = Money.exact(request.amount(), Currencies.parse(request.currency()).orElseThrow());
        String hash = ContentHash.of(customer.externalId(), amount, request.method(), request.receivedDate(),
                request.reference(), request.allocations());
        if (idempotencyKey != null) {
            Optional<PaymentRepository.StoredPayment> stored = payments.findByIdempotencyKey(idempotencyKey);
            if (stored.isPresent()) {
                return new Recording(requireSame(stored.get(), hash, idempotencyKey), false);
            }
        }
        List<Allocation> plan = request.allocations() == null || request.allocations().isEmpty()
                ? allocateByReference(customer, amount, request.reference(), request.receivedDate())
                : checkAllocations(customer, amount, "the payment amount", request.allocations(),
                        request.receivedDate());
        long paymentId = payments.insert(customer.id(), amount.amount(), amount.currency().getCurrencyCode(),
                request.method(), request.receivedDate(), blankToNull(request.reference()), idempotencyKey, hash,
                OffsetDateTime.now(clock));
        post(customer.id(), paymentId, plan, request.receivedDate());
        log.info("Payment recorded: paymentId={} customerId={} amount={} allocations={}", paymentId, customer.id(),
                amount, plan.size());
        return new Recording(find(paymentId).orElseThrow(), true);
    }

    /**
     * Applies the unapplied part of a recorded payment to open invoices of its customer, for cash that arrived
     * before the invoice it pays or without a usable reference. The postings are dated today, and an
     * early-payment discount is judged by the date the payment was received.
     */
    @Transactional
    public Payment applyUnapplied(long paymentId, List<PaymentRequest.Allocation> requested) {
        PaymentRepository.StoredPayment stored = payments.lockById(paymentId).orElseThrow(() ->
                RejectedException.notFound("payment-not-found", "No payment has the id " + paymentId));
        if (requested == null || requested.isEmpty()) {
            throw RejectedException.invalid(Violation.of("allocations", null,
                    "is required: at least one {\"invoiceNumber\", \"amount\"}"));
        }

        requireNotReversed(stored);
        Money unapplied = view(stored).unapplied();
        if (!unapplied.isPositive()) {
            throw RejectedException.conflict("payment-fully-applied", "Payment " + paymentId
                    + " has no unapplied amount left; record the new payment instead");
        }

        Customer customer = customers.findById(stored.customerId()).orElseThrow();
        List<Allocation> plan = checkAllocations(customer, unapplied, "the payment's unapplied amount", requested,
                stored.receivedDate());
        post(customer.id(), paymentId, plan, LocalDate.now(clock));
        log.info("Unapplied cash applied: paymentId={} customerId={} allocations={} unappliedBefore={}", paymentId,
                customer.id(), plan.size(), unapplied);
        return find(paymentId).orElseThrow();
    }

    /**
     * Reverses a payment that came back, such as a returned direct debit or a bounced check. Every allocation
     * and discount it made is cancelled by a reversing posting dated today. The invoices it paid are open again
     * and are chased according to their due dates.
     */
    @Transactional
    public Payment reverse(long paymentId, String reason) {
        PaymentRepository.StoredPayment stored = payments.lockById(paymentId).orElseThrow(() ->
                RejectedException.notFound("payment-not-found", "No payment has the id " + paymentId));
        requireNotReversed(stored);
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty() || trimmed.length() > 500) {
            throw RejectedException.invalid(Violation.of("reason", reason,
                    "is required, at most 500 characters, such as the bank's return reason"));
        }

        LocalDate today = LocalDate.now(clock);
        payments.markReversed(paymentId, today, trimmed);
        List<Long> reopened = ledger.reversePayment(paymentId, today, "reversal of payment " + paymentId);
        for (long invoiceId : reopened) {
            invoices.balanceChanged(invoiceId, PostingKind.PAYMENT_ALLOCATION);
        }
        log.info("Payment reversed: paymentId={} customerId={} invoices={} reason={}", paymentId,
                stored.customerId(), reopened.size(), trimmed);
        return find(paymentId).orElseThrow();
    }

    private static void requireNotReversed(PaymentRepository.StoredPayment stored) {
        if (stored.reversedOn() != null) {
            throw RejectedException.conflict("payment-reversed", "Payment " + stored.id() + " was reversed on "
                    + stored.reversedOn() + " (" + stored.reversalReason() + "); record a new payment instead");
        }
    }

    private void post(long customerId, long paymentId, List<Allocation> plan, LocalDate postingDate) {
        for (Allocation allocation : plan) {
            ledger.post(customerId, allocation.invoice().id(), paymentId, PostingKind.PAYMENT_ALLOCATION,
                    allocation.amount(), postingDate);
            if (allocation.discount().isPositive()) {
                ledger.post(customerId, allocation.invoice().id(), paymentId, PostingKind.DISCOUNT,
                        allocation.discount(), postingDate);
            }
            invoices.balanceChanged(allocation.invoice().id(), PostingKind.PAYMENT_ALLOCATION);
        }
    }

    public Optional<Payment> find(long paymentId) {
        return payments.findById(paymentId).map(this::view);
    }

    List<Payment> findByCustomer(String customerExternalId, int page, int size) {
        Customer customer = customers.findByExternalId(customerExternalId).orElseThrow(() ->
                RejectedException.notFound("customer-not-found", "No customer has the external id '"
                        + customerExternalId + "'"));
        return payments.findByCustomer(customer.id(), page, size).stream().map(this::view).toList();
    }

    private Customer checkRequest(PaymentRequest request) {
        List<Violation> violations = new ArrayList<>();
        Currency currency = Currencies.parse(request.currency()).orElse(null);
        if (currency == null) {
            violations.add(Violation.of("currency", request.currency(), "expected an ISO 4217 code such as EUR"));
        }
        checkAmount("amount", request.amount(), currency, violations);
        if (request.method() == null) {
            violations.add(Violation.of("method", null,
                    "is required: CARD, CHECK, BANK_TRANSFER, DIRECT_DEBIT, ONLINE or CASH"));
        }
        LocalDate today = LocalDate.now(clock);
        if (request.receivedDate() == null) {
            violations.add(Violation.of("receivedDate", null, "is required, as YYYY-MM-DD"));
        } else if (request.receivedDate().isAfter(today)) {
            violations.add(Violation.of("receivedDate", request.receivedDate(),
                    "is in the future; today is " + today));
        } else if (request.receivedDate().isBefore(today.minusYears(10))) {
            violations.add(Violation.of("receivedDate", request.receivedDate(),
                    "is more than 10 years ago; check the date"));
        }
        if (request.reference() != null && request.reference().length() > 200) {
            violations.add(Violation.of("reference", request.reference(), "is longer than 200 characters"));
        }
        if (request.customer() == null || request.customer().isBlank()) {
            violations.add(Violation.of("customer", request.customer(), "is required: the customer's external id"));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        return customers.requireByExternalId(request.customer(), "customer");
    }

    private static void checkAmount(String field, BigDecimal amount, Currency currency, List<Violation> violations) {
        AmountCheck.positive(field, amount, currency, violations);
    }

    /** @param discount the early-payment discount the allocation earns, posted beside it; zero for none */
    private record Allocation(Invoice invoice, Money amount, Money discount) {

        Allocation(Invoice invoice, Money amount) {
            this(invoice, amount, Money.zero(amount.currency()));
        }

        /** Allocates the open balance less the discount, so that the discount settles the rest. */
        static Allocation discounted(Invoice invoice, Money open, Money discount) {
            return new Allocation(invoice, open.minus(discount), discount);
        }
    }

    /** @param limit what {@code amount} is, for the message when the allocations exceed it */
    private List<Allocation> checkAllocations(Customer customer, Money amount, String limit,
            List<PaymentRequest.Allocation> requested, LocalDate receivedDate) {
        List<Violation> violations = new ArrayList<>();
        List<Allocation> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Money total = Money.zero(amount.currency());
        for (int index = 0; index < requested.size(); index++) {
            PaymentRequest.Allocation allocation = requested.get(index);
            String field = "allocations[" + index + "]";
            if (allocation == null) {
                violations.add(Violation.of(field, null, "is empty; give an invoiceNumber and an amount"));
                continue;
            }
            int before = violations.size();
            checkAmount(field + ".amount", allocation.amount(), amount.currency(), violations);
            Invoice invoice = requireAllocatableInvoice(customer, amount, allocation.invoiceNumber(), field,
                    violations);
            if (invoice != null && !seen.add(invoice.invoiceNumber())) {
                violations.add(Violation.of(field + ".invoiceNumber", invoice.invoiceNumber(),
                        "appears twice; give one allocation per invoice"));
            }
            if (violations.size() > before) {
                continue;
            }
            Money part = Money.exact(allocation.amount(), amount.currency());
            Money open = Money.exact(invoices.lockAndGetOpenBalance(invoice), amount.currency());
            if (part.compareTo(open) > 0) {
                violations.add(Violation.of(field + ".amount", part.amount().toPlainString(), "exceeds the open "
                        + "balance of " + invoice.invoiceNumber() + ", which is " + open.amount().toPlainString()));
                continue;
            }
            Optional<Money> discount = discounts.discountEarned(invoice, open, part, receivedDate);
            Allocation planned = discount.map(earned -> Allocation.discounted(invoice, open, earned))
                    .orElse(new Allocation(invoice, part));
            total = total.plus(planned.amount());
            plan.add(planned);
        }
        if (violations.isEmpty() && total.compareTo(amount) > 0) {
            violations.add(Violation.of("allocations", total.amount().toPlainString(),
                    "the allocations add up to more than " + limit + ", " + amount.amount().toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        return plan;
    }

    private Invoice requireAllocatableInvoice(Customer customer, Money amount, String invoiceNumber, String field,
            List<Violation> violations) {
        Invoice invoice = invoiceNumber == null ? null : invoices.findByNumber(invoiceNumber).orElse(null);
        if (invoice == null || invoice.customerId() != customer.id()) {
            violations.add(Violation.of(field + ".invoiceNumber", invoiceNumber,
                    "no invoice of customer " + customer.externalId() + " has this number"));
            return null;
        }
        if (!invoice.currency().equals(amount.currency())) {
            violations.add(Violation.of(field + ".invoiceNumber", invoiceNumber, "is in "
                    + invoice.currency().getCurrencyCode() + ", the payment in " + amount.currency().getCurrencyCode()
                    + "; record the payment in the invoice's currency"));
            return null;
        }
        if (!invoice.status().isOpen()) {
            violations.add(Violation.of(field + ".invoiceNumber", invoiceNumber,
                    "is " + invoice.status() + " and has nothing left to pay"));
            return null;
        }
        return invoice;
    }

    /**
     * Allocates to the customer's open invoices whose numbers appear in the reference, oldest due date first.
     * An invoice named in the reference but in another currency rejects the payment, because it would
     * otherwise silently become unapplied credit.
     */
    private List<Allocation> allocateByReference(Customer customer, Money amount, String reference,
            LocalDate receivedDate) {
        List<Invoice> named = invoices.findByNumbers(tokens(reference)).stream()
                .filter(invoice -> invoice.customerId() == customer.id())
                .toList();
        for (Invoice invoice : named) {
            if (!invoice.currency().equals(amount.currency())) {
                throw RejectedException.unprocessable("payment-currency-mismatch", Violation.of("currency",
                        amount.currency().getCurrencyCode(),
                        "the reference names invoice " + invoice.invoiceNumber() + " in "
                        + invoice.currency().getCurrencyCode() + "; record the payment in the invoice's currency"));
            }
        }
        List<Allocation> plan = new ArrayList<>();
        Money remaining = amount;
        for (Invoice invoice : named) {
            if (!invoice.status().isOpen() || remaining.isZero()) {
                continue;
            }
            Money open = Money.exact(invoices.lockAndGetOpenBalance(invoice), amount.currency());
            Optional<Money> discount = discounts.discountEarned(invoice, open, remaining, receivedDate);
            Allocation planned = discount.map(earned -> Allocation.discounted(invoice, open, earned))
                    .orElse(new Allocation(invoice, remaining.min(open)));
            if (planned.amount().isPositive()) {
                plan.add(planned);
                remaining = remaining.minus(planned.amount());
            }
        }
        return plan;
    }

    private static List<String> tokens(String reference) {
        if (reference == null) {
            return List.of();
        }
        Set<String> tokens = new LinkedHashSet<>();
        Matcher matcher = REFERENCE_TOKEN.matcher(reference);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return List.copyOf(tokens);
    }

    private Payment requireSame(PaymentRepository.StoredPayment stored, String hash, String idempotencyKey) {
        if (!stored.contentHash().equals(hash)) {
            throw RejectedException.conflict("payment-conflict", "The Idempotency-Key '" + idempotencyKey
                    + "' was used for another payment; resend that payment unchanged or use a new key");
        }
        return view(stored);
    }

    private Payment view(PaymentRepository.StoredPayment stored) {
        Currency currency = Currency.getInstance(stored.currency());
        Money amount = Money.exact(stored.amount(), currency);
        List<Payment.AllocatedAmount> allocations = new ArrayList<>();
        Money applied = Money.zero(currency);
        for (Object[] row : payments.allocations(stored.id())) {
            Money part = Money.exact((BigDecimal) row[1], currency);
            Invoice invoice = invoices.findByNumber((String) row[0]).orElseThrow();
            allocations.add(new Payment.AllocatedAmount(invoice.invoiceNumber(), part,
                    Money.exact(invoices.openBalance(invoice), currency)));
            applied = applied.plus(part);
        }
        String customer = customers.findById(stored.customerId()).map(Customer::externalId).orElseThrow();
        Money unapplied = stored.reversedOn() == null ? amount.minus(applied) : Money.zero(currency);
        return new Payment(stored.id(), customer, amount, stored.method(), stored.receivedDate(), stored.reference(),
                allocations, unapplied, stored.reversedOn(), stored.reversalReason());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
