package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a customer's payment behaviour from the ledger, as of a date, for credit checks and reviews. */
@Component
class PaymentBehaviour {

    /** The event type whose count the credit policy reads as broken promises to pay. */
    static final String PROMISE_BROKEN_EVENT = "PromiseToPayBroken";

    private final JdbcClient jdbc;

    PaymentBehaviour(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the open balance of the customer's invoices in the currency. */
    BigDecimal openBalance(long customerId, String currency) {
        return jdbc.sql("select coalesce(sum(amount), 0) from posting where customer_id = ? and currency = ?")
                .params(customerId, currency).query(BigDecimal.class).single();
    }

    /** Returns the days past due of the customer's oldest open overdue invoice, or 0 when none is overdue. */
    int oldestDaysPastDue(long customerId, LocalDate today) {
        LocalDate oldest = jdbc.sql("""
                select min(due_date) from invoice
                where customer_id = ? and status in ('ISSUED', 'OVERDUE') and due_date < ?""")
                .params(customerId, today).query(LocalDate.class).optional().orElse(null);
        return oldest == null ? 0 : (int) ChronoUnit.DAYS.between(oldest, today);
    }

    Aging aging(long customerId, String currency, LocalDate today) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql("""
                select i.due_date, sum(p.amount) as balance from invoice i join posting p on p.invoice_id = i.id
                where i.customer_id = ? and i.currency = ? and i.status in ('ISSUED', 'OVERDUE')
                group by i.id, i.due_date""")
                .params(customerId, currency)
                .query(row -> {
                    long daysPastDue = ChronoUnit.DAYS.between(row.getObject("due_date", LocalDate.class), today);
                    int bucket = bucket(daysPastDue);
                    buckets[bucket] = buckets[bucket].add(row.getBigDecimal("balance"));
                });
        return new Aging(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]);
    }

    /** Returns the index of the aging bucket: current, 1-30, 31-60, 61-90 or over 90 days past due. */
    private static int bucket(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        if (daysPastDue <= 30) {
            return 1;
        }
        if (daysPastDue <= 60) {
            return 2;
        }
        return daysPastDue <= 90 ? 3 : 4;
    }

    BigDecimal overdueBalance(Aging aging) {
        return aging.days1To30().add(aging.days31To60()).add(aging.days61To90()).add(aging.over90());
    }

    /**
     * Counts the customer's broken promises to pay: {@value #PROMISE_BROKEN_EVENT} events whose subject is the
     * customer's external id.
     */
    int brokenPromises(String customerExternalId) {
        return jdbc.sql("select count(*) from domain_event where event_type = ? and subject_id = ?")
                .params(PROMISE_BROKEN_EVENT, customerExternalId).query(Integer.class).single();
    }
}
