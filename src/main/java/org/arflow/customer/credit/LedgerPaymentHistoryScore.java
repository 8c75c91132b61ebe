package org.arflow.customer.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.arflow.customer.Customer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scores a customer from the ledger's own payment history: the share of invoices paid by their due date,
 * among those paid and those still open past it. A customer with fewer than {@value #MIN_INVOICES} such
 * invoices has no score from this source,
 * because a handful of invoices is too few to judge by.
 */
@Component
class LedgerPaymentHistoryScore implements CreditScoreSource {

    static final String SOURCE = "ledger-payment-history";
    static final int MIN_INVOICES = 3;

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerPaymentHistoryScore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<CreditScore> score(Customer customer, CreditApplication application) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*) as judged,
                       coalesce(sum(case when status = 'PAID' and settled_on <= due_date then 1 else 0 end), 0)
                           as on_time
                from invoice
                where customer_id = ? and (status = 'PAID' or (status in ('ISSUED', 'OVERDUE') and due_date < ?))""")
                .params(customer.id(), today)
                .query((row, rowNumber) -> scoreOf(row.getLong("judged"), row.getLong("on_time")))
                .single();
    }

    private static Optional<CreditScore> scoreOf(long judged, long onTime) {
        if (judged < MIN_INVOICES) {
            return Optional.empty();
        }
        return Optional.of(new CreditScore(SOURCE, (int) (100 * onTime / judged)));
    }
}
