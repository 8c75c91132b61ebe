package org.arflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment row as stored. */
    record StoredPayment(long id, long customerId, BigDecimal amount, String currency, PaymentMethod method,
            LocalDate receivedDate, String reference, String contentHash, LocalDate reversedOn,
            String reversalReason) {
    }

    long insert(long customerId, BigDecimal amount, String currency, PaymentMethod method, LocalDate receivedDate,
            String reference, String idempotencyKey, String contentHash, OffsetDateTime createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into payment (customer_id, amount, currency, method, received_date, reference,
                    idempotency_key, content_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, amount, currency, method.name(), receivedDate, reference, idempotencyKey,
                        contentHash, createdAt)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<StoredPayment> findByIdempotencyKey(String key) {
        return jdbc.sql(select() + " where idempotency_key = ?").param(key).query(this::map).optional();
    }

    Optional<StoredPayment> findById(long id) {
        return jdbc.sql(select() + " where id = ?").param(id).query(this::map).optional();
    }

    /** Reads a payment and locks its row, so that two applications of its unapplied amount run one at a time. */
    Optional<StoredPayment> lockById(long id) {
        return jdbc.sql(select() + " where id = ? for update").param(id).query(this::map).optional();
    }

    void markReversed(long id, LocalDate reversedOn, String reason) {
        jdbc.sql("update payment set reversed_on = ?, reversal_reason = ? where id = ?")
                .params(reversedOn, reason, id)
                .update();
    }

    List<StoredPayment> findByCustomer(long customerId, int page, int size) {
        return jdbc.sql(select() + " where customer_id = ? order by id limit ? offset ?")
                .params(customerId, size, (long) page * size).query(this::map).list();
    }

    /** Returns (invoice number, allocated amount as a positive figure) for each allocation of the payment. */
    List<Object[]> allocations(long paymentId) {
        return jdbc.sql("""
                select i.invoice_number, -p.amount as allocated from posting p join invoice i on i.id = p.invoice_id
                where p.payment_id = ? and p.kind = 'PAYMENT_ALLOCATION' and p.reverses_id is null
                order by p.id""")
                .param(paymentId)
                .query((row, rowNumber) -> new Object[] {row.getString(1), row.getBigDecimal(2)})
                .list();
    }

    private static String select() {
        return """
                select id, customer_id, amount, currency, method, received_date, reference, content_hash,
                    reversed_on, reversal_reason
                from payment""";
    }

    private StoredPayment map(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new StoredPayment(row.getLong("id"), row.getLong("customer_id"), row.getBigDecimal("amount"),
                row.getString("currency"), PaymentMethod.valueOf(row.getString("method")),
                row.getObject("received_date", LocalDate.class), row.getString("reference"),
                row.getString("content_hash"), row.getObject("reversed_on", LocalDate.class),
                row.getString("reversal_reason"));
    }
}
