package org.arflow.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arflow.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The receivables ledger: appends postings and derives balances from them. Postings are never updated or
 * deleted; every balance is a sum over them, so a figure can always be traced back to its entries.
 */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends a posting against an invoice. The amount is given as a positive figure; the kind decides
     * whether it raises or lowers the balance.
     */
    public void post(long customerId, Long invoiceId, Long paymentId, PostingKind kind, Money amount,
            LocalDate postingDate) {
        post(customerId, invoiceId, paymentId, kind, amount, postingDate, null);
    }

    /** Appends a posting with a short note saying what it is for, such as the interest period. */
    public void post(long customerId, Long invoiceId, Long paymentId, PostingKind kind, Money amount,
            LocalDate postingDate, String note) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("posting amounts are given unsigned, got " + amount);
        }
        BigDecimal signed = kind.sign() > 0 ? amount.amount() : amount.amount().negate();
        jdbc.sql("""
                insert into posting
                    (customer_id, invoice_id, payment_id, kind, amount, currency, posting_date, created_at, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, invoiceId, paymentId, kind.name(), signed, amount.currency().getCurrencyCode(),
                        postingDate, OffsetDateTime.now(clock), note)
                .update();
    }

    /** Returns the open balance of an invoice: the sum of its postings, in the invoice's currency. */
    public BigDecimal invoiceBalance(long invoiceId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from posting where invoice_id = ?")
                .param(invoiceId)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * Returns the customer's balances per currency as of today: open, overdue (due date before today) and
     * unapplied credit (payments not allocated and not reversed, and credit notes that name no invoice).
     * Currencies in which nothing is open or unapplied are left out.
     */
    public List<AccountBalance> customerBalances(long customerId) {
        LocalDate today = LocalDate.now(clock);
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        jdbc.sql("""
                select p.currency, sum(p.amount) as open_balance,
                       sum(case when i.due_date < ? then p.amount else 0 end) as overdue_balance
                from posting p join invoice i on i.id = p.invoice_id
                where p.customer_id = ? group by p.currency""")
                .params(today, customerId)
                .query(row -> {
                    BigDecimal[] figures = byCurrency.computeIfAbsent(row.getString("currency"), this::zeros);
                    figures[0] = row.getBigDecimal("open_balance");
                    figures[1] = row.getBigDecimal("overdue_balance");
                });
        jdbc.sql("""
                select pay.currency, sum(pay.amount) - coalesce(sum(alloc.allocated), 0) as unapplied
                from payment pay left join (
                    select payment_id, -sum(amount) as allocated from posting
                    where kind = 'PAYMENT_ALLOCATION' group by payment_id) alloc on alloc.payment_id = pay.id
                where pay.customer_id = ? and pay.reversed_on is null group by pay.currency""")
                .param(customerId)
                .query(row -> {
                    BigDecimal[] figures = byCurrency.computeIfAbsent(row.getString("currency"), this::zeros);
                    figures[2] = row.getBigDecimal("unapplied");
                });
        jdbc.sql("""
                select currency, -sum(amount) as unapplied from posting
                where customer_id = ? and invoice_id is null and kind = 'CREDIT_NOTE' group by currency""")
                .param(customerId)
                .query(row -> {
                    BigDecimal[] figures = byCurrency.computeIfAbsent(row.getString("currency"), this::zeros);
                    figures[2] = figures[2].add(row.getBigDecimal("unapplied"));
                });
        return byCurrency.entrySet().stream()
                .map(entry -> new AccountBalance(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        entry.getValue()[2]))
                .filter(balance -> balance.openBalance().signum() != 0 || balance.unappliedCredit().signum() != 0)
                .toList();
    }

    private BigDecimal[] zeros(String currency) {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** Returns the postings of one invoice in the order they were made. */
    public List<Posting> invoicePostings(long invoiceId) {
        return jdbc.sql("""
                select id, customer_id, invoice_id, payment_id, reverses_id, kind, amount, currency, posting_date
                from posting where invoice_id = ? order by id""")
                .param(invoiceId)
                .query((row, rowNumber) -> new Posting(
                        row.getLong("id"),
                        row.getLong("customer_id"),
                        row.getObject("invoice_id", Long.class),
                        row.getObject("payment_id", Long.class),
                        row.getObject("reverses_id", Long.class),
                        PostingKind.valueOf(row.getString("kind")),
                        row.getBigDecimal("amount"),
                        row.getString("currency"),
                        row.getObject("posting_date", LocalDate.class)))
                .list();
    }

    /**
     * Cancels every posting of a payment that is not cancelled yet with a reversing posting of the opposite
     * amount, and returns the invoices whose balances changed.
     */
    public List<Long> reversePayment(long paymentId, LocalDate postingDate, String note) {
        String notCancelled = """
                from posting original
                where payment_id = ? and reverses_id is null
                  and not exists (select 1 from posting r where r.reverses_id = original.id)""";
        List<Long> invoiceIds = jdbc.sql("select distinct invoice_id " + notCancelled
                        + " and invoice_id is not null")
                .param(paymentId)
                .query(Long.class)
                .list();
        jdbc.sql("""
                insert into posting (customer_id, invoice_id, payment_id, reverses_id, kind, amount, currency,
                    posting_date, created_at, note)
                select customer_id, invoice_id, payment_id, id, kind, -amount, currency, ?, ?, ?
                """ + notCancelled)
                .params(postingDate, OffsetDateTime.now(clock), note, paymentId)
                .update();
        return invoiceIds;
    }

    /** Returns the total allocated from one payment, as a positive figure. */
    public BigDecimal allocatedFromPayment(long paymentId) {
        return jdbc.sql("select coalesce(-sum(amount), 0) from posting where payment_id = ? and kind = ?")
                .params(paymentId, PostingKind.PAYMENT_ALLOCATION.name())
                .query(BigDecimal.class)
                .single();
    }
}
