package org.arflow.dispute;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.arflow.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DisputeRepository {

    private static final String SELECT = """
            select d.id, i.invoice_number, c.external_id, d.reason_code, d.amount, d.currency, d.description,
                d.raised_by, d.status, d.raised_on, d.resolved_on
            from dispute d join invoice i on i.id = d.invoice_id join customer c on c.id = d.customer_id""";

    private final JdbcClient jdbc;

    DisputeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> reasonCodes() {
        return jdbc.sql("select code from dispute_reason order by code").query(String.class).list();
    }

    boolean hasOpenDispute(long invoiceId) {
        return jdbc.sql("select count(*) from dispute where invoice_id = ? and status = 'OPEN'").param(invoiceId)
                .query(Long.class).single() > 0;
    }

    /** Returns the sum of the invoice's open disputes, zero when there are none. */
    BigDecimal openDisputedAmount(long invoiceId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from dispute where invoice_id = ? and status = 'OPEN'")
                .param(invoiceId).query(BigDecimal.class).single();
    }

    long insert(long invoiceId, long customerId, String reasonCode, BigDecimal amount, String currency,
            String description, String raisedBy, LocalDate raisedOn, OffsetDateTime createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dispute (invoice_id, customer_id, reason_code, amount, currency, description, raised_by,
                    status, raised_on, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(invoiceId, customerId, reasonCode, amount, currency, description, raisedBy, raisedOn,
                        createdAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Dispute> findById(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(DisputeRepository::map).optional();
    }

    List<Dispute> findByInvoice(long invoiceId) {
        return jdbc.sql(SELECT + " where d.invoice_id = ? order by d.id").param(invoiceId)
                .query(DisputeRepository::map).list();
    }

    private static Dispute map(ResultSet row, int rowNumber) throws SQLException {
        return new Dispute(
                row.getLong("id"),
                row.getString("invoice_number"),
                row.getString("external_id"),
                row.getString("reason_code"),
                Money.exact(row.getBigDecimal("amount"), Currency.getInstance(row.getString("currency"))).amount(),
                row.getString("currency"),
                row.getString("description"),
                row.getString("raised_by"),
                DisputeStatus.valueOf(row.getString("status")),
                row.getObject("raised_on", LocalDate.class),
                row.getObject("resolved_on", LocalDate.class));
    }
}
