package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a case's overdue invoices with balances, charges and disputed amounts in one query, so that a
 * dunning decision costs one round trip however many invoices the customer has.
 */
@Component
class OverdueItems {

    private final JdbcClient jdbc;

    OverdueItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The posting kinds that pay down an invoice's principal, as opposed to fees and interest. A reversing
     * posting keeps the kind of the posting it cancels, so summing these kinds nets a reversed payment out.
     */
    static final String PRINCIPAL_CREDIT_KINDS = "('PAYMENT_ALLOCATION', 'CREDIT_NOTE', 'DISCOUNT', 'WRITE_OFF')";

    /** Returns the customer's OVERDUE invoices in the currency with a balance, oldest due date first. */
    List<OverdueItem> of(long customerId, String currency) {
        return jdbc.sql("""
                select i.id, i.invoice_number, i.issue_date, i.due_date, i.total_amount, i.interest_charged_to,
                    i.compensation_charged,
                    (select coalesce(sum(p.amount), 0) from posting p where p.invoice_id = i.id) as balance,
                    (select coalesce(-sum(p.amount), 0) from posting p
                        where p.invoice_id = i.id and p.kind in """ + PRINCIPAL_CREDIT_KINDS + """
                    ) as credits,
                    (select coalesce(sum(d.amount), 0) from dispute d
                        where d.invoice_id = i.id and d.status = 'OPEN') as disputed
                from invoice i
                where i.customer_id = ? and i.currency = ? and i.status = 'OVERDUE'
                order by i.due_date, i.id""")
                .params(customerId, currency)
                .query((row, rowNumber) -> {
                    BigDecimal total = row.getBigDecimal("total_amount");
                    BigDecimal balance = row.getBigDecimal("balance");
                    BigDecimal principal = total.subtract(row.getBigDecimal("credits")).max(BigDecimal.ZERO)
                            .min(balance);
                    return new OverdueItem(row.getLong("id"), row.getString("invoice_number"),
                            row.getObject("issue_date", LocalDate.class), row.getObject("due_date", LocalDate.class),
                            total, balance, principal, balance.subtract(principal), row.getBigDecimal("disputed"),
                            row.getObject("interest_charged_to", LocalDate.class),
                            row.getBoolean("compensation_charged"));
                })
                .list()
                .stream()
                .filter(item -> item.balance().signum() > 0)
                .toList();
    }
}
