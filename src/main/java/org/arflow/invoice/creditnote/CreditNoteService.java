package org.arflow.invoice.creditnote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.event.DomainEvents;
import org.arflow.idempotency.ContentHash;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceService;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.AmountCheck;
import org.arflow.money.Currencies;
import org.arflow.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues and finds credit notes. */
@Service
public class CreditNoteService {

    private static final Logger log = LoggerFactory.getLogger(CreditNoteService.class);

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final Ledger ledger;
    private final DomainEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    CreditNoteService(InvoiceService invoices, CustomerService customers, Ledger ledger, DomainEvents events,
            JdbcClient jdbc, Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.ledger = ledger;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A credit note as the API receives it.
     *
     * @param customer the customer's external id; may be left out when an invoice is named
     */
    public record CreditNoteRequest(String creditNoteNumber, String invoiceNumber, String customer,
            BigDecimal amount, String currency, String reason, LocalDate issueDate) {
    }

    /** A stored credit note. */
    public record CreditNote(String creditNoteNumber, String customer, String invoiceNumber, String currency,
            BigDecimal amount, String reason, LocalDate issueDate) {
    }

    /** The outcome of issuing: the stored credit note and whether this call created it. */
    public record Issued(CreditNote creditNote, boolean created) {
    }

    /**
     * Issues a credit note, idempotent on its number. One that names an invoice is posted against it, never
     * for more than its open balance; one without an invoice is the customer's unapplied credit.
     */
    @Transactional
    public Issued issue(CreditNoteRequest request) {
        Invoice invoice = request.invoiceNumber() == null ? null : invoices.findByNumber(request.invoiceNumber())
                .orElseThrow(() -> RejectedException.invalid(Violation.of("invoiceNumber",
                        request.invoiceNumber(), "no invoice has this number")));
        Customer customer = customerOf(request, invoice);
        Currency currency = check(request, invoice, customer);
        Money amount = Money.exact(request.amount(), currency);
        LocalDate issueDate = request.issueDate() == null ? LocalDate.now(clock) : request.issueDate();
        String hash = ContentHash.of(request.creditNoteNumber(), customer.externalId(), request.invoiceNumber(),
                amount, request.reason().trim(), issueDate);

        Optional<CreditNote> stored = find(request.creditNoteNumber());
        if (stored.isPresent()) {
            String storedHash = jdbc.sql("select content_hash from credit_note where credit_note_number = ?")
                    .param(request.creditNoteNumber()).query(String.class).single();
            if (!storedHash.equals(hash)) {
                throw RejectedException.conflict("credit-note-conflict", "Credit note '"
                        + request.creditNoteNumber() + "' is already stored with other content; resend it "
                        + "unchanged to retry, or use a new number");
            }
            return new Issued(stored.get(), false);
        }

        if (invoice != null) {
            Money open = Money.exact(invoices.lockAndGetOpenBalance(invoice), currency);
            if (amount.compareTo(open) > 0) {
                throw RejectedException.invalid(Violation.of("amount", amount.amount().toPlainString(),
                        "exceeds the open balance of " + invoice.invoiceNumber() + ", which is "
                                + open.amount().toPlainString()));
            }
        }

        jdbc.sql("""
                insert into credit_note (credit_note_number, customer_id, invoice_id, currency, amount, reason,
                    issue_date, content_hash, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.creditNoteNumber(), customer.id(), invoice == null ? null : invoice.id(),
                        currency.getCurrencyCode(), amount.amount(), request.reason().trim(), issueDate, hash,
                        OffsetDateTime.now(clock))
                .update();

        ledger.post(customer.id(), invoice == null ? null : invoice.id(), null, PostingKind.CREDIT_NOTE, amount,
                issueDate, "credit note " + request.creditNoteNumber());
        events.record(request.creditNoteNumber(), new CreditNoteIssued(request.creditNoteNumber(), customer.id(),
                request.invoiceNumber(), currency.getCurrencyCode(), amount.amount()));
        if (invoice != null) {
            invoices.balanceChanged(invoice.id(), PostingKind.CREDIT_NOTE);
        }
        log.info("Credit note issued: creditNoteNumber={} invoiceNumber={} amount={}", request.creditNoteNumber(),
                request.invoiceNumber(), amount);
        return new Issued(find(request.creditNoteNumber()).orElseThrow(), true);
    }

    private Customer customerOf(CreditNoteRequest request, Invoice invoice) {
        if (invoice != null) {
            Customer owner = customers.findById(invoice.customerId()).orElseThrow();
            if (request.customer() != null && !request.customer().equals(owner.externalId())) {
                throw RejectedException.invalid(Violation.of("customer", request.customer(), "invoice "
                        + invoice.invoiceNumber() + " belongs to customer " + owner.externalId()));
            }
            return owner;
        }
        if (request.customer() == null) {
            throw RejectedException.invalid(Violation.of("customer", null,
                    "is required for a credit note that names no invoice"));
        }
        return customers.requireByExternalId(request.customer(), "customer");
    }

    private Currency check(CreditNoteRequest request, Invoice invoice, Customer customer) {
        List<Violation> violations = new ArrayList<>();
        String number = request.creditNoteNumber();
        if (number == null || !number.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            violations.add(Violation.of("creditNoteNumber", number, "is required: 1 to 64 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit"));
        }
        String code = request.currency() != null ? request.currency()
                : invoice != null ? invoice.currency().getCurrencyCode() : customer.currency().getCurrencyCode();
        Currency currency = Currencies.parse(code).orElse(null);
        if (currency == null) {
            violations.add(Violation.of("currency", code, "expected an ISO 4217 code such as EUR"));
        } else if (invoice != null && !invoice.currency().equals(currency)) {
            violations.add(Violation.of("currency", code, "invoice " + invoice.invoiceNumber() + " is in "
                    + invoice.currency().getCurrencyCode()));
        }
        AmountCheck.positive("amount", request.amount(), currency, violations);
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            violations.add(Violation.of("reason", request.reason(), "is required, at most 500 characters"));
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        return currency;
    }

    public Optional<CreditNote> find(String number) {
        return jdbc.sql("""
                select n.credit_note_number, c.external_id, i.invoice_number, n.currency, n.amount, n.reason,
                    n.issue_date
                from credit_note n join customer c on c.id = n.customer_id
                left join invoice i on i.id = n.invoice_id where n.credit_note_number = ?""")
                .param(number)
                .query((row, rowNumber) -> new CreditNote(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), Money.exact(row.getBigDecimal(5), Currency.getInstance(row.getString(4)))
                                .amount(), row.getString(6), row.getObject(7, LocalDate.class)))
                .optional();
    }
}
