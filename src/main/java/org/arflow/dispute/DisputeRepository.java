package org.arflow.dispute;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
                d.raised_by, d.status, d.raised_on, d.resolved_on, d.owner_group, d.sla_due_on, d.escalated,
                d.outcome, d.resolution_note, d.credit_note_number, d.corrected_invoice_number
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

    void route(long id, String ownerGroup, LocalDate slaDueOn) {
        jdbc.sql("update dispute set owner_group = ?, sla_due_on = ? where id = ?").params(ownerGroup, slaDueOn, id)
                .update();
    }

    void markEscalated(long id) {
        jdbc.sql("update dispute set escalated = true where id = ?").param(id).update();
    }

    void resolve(long id, DisputeStatus status, String outcome, String note, LocalDate resolvedOn,
            String creditNoteNumber, String correctedInvoiceNumber) {
        jdbc.sql("""
                update dispute set status = ?, outcome = ?, resolution_note = ?, resolved_on = ?,
                    credit_note_number = ?, corrected_invoice_number = ? where id = ?""")
                .params(status.name(), outcome, note, resolvedOn, creditNoteNumber, correctedInvoiceNumber, id)
                .update();
    }

    void addHistory(long id, String action, String actor, String note, OffsetDateTime at) {
        jdbc.sql("""
                insert into dispute_history (dispute_id, happened_at, action, actor, note) values (?, ?, ?, ?, ?)""")
                .params(id, at, action, actor, note).update();
    }

    /** One entry of a dispute's history. */
    record HistoryEntry(OffsetDateTime happenedAt, String action, String actor, String note) {
    }

    List<HistoryEntry> history(long id) {
        return jdbc.sql("select happened_at, action, actor, note from dispute_history where dispute_id = ? order by id")
                .param(id)
                .query((row, rowNumber) -> new HistoryEntry(row.getObject(1, OffsetDateTime.class), row.getString(2),
                        row.getString(3), row.getString(4)))
                .list();
    }

    /** An attachment's metadata. */
    record Attachment(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
            OffsetDateTime uploadedAt, long documentId) {
    }

    void addAttachment(long disputeId, long documentId, String fileName, String contentType, long size,
            String user, OffsetDateTime at) {
        jdbc.sql("""
                insert into dispute_attachment (dispute_id, document_id, file_name, content_type, size_bytes,
                    uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(disputeId, documentId, fileName, contentType, size, user, at).update();
    }

    List<Attachment> attachments(long disputeId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at, document_id
                from dispute_attachment where dispute_id = ? order by id""")
                .param(disputeId)
                .query((row, rowNumber) -> new Attachment(row.getLong(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getString(5), row.getObject(6, OffsetDateTime.class), row.getLong(7)))
                .list();
    }

    List<Dispute> find(DisputeStatus status, String reason, String owner, int page, int size) {
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and d.status = ?");
            params.add(status.name());
        }
        if (reason != null) {
            sql.append(" and d.reason_code = ?");
            params.add(reason);
        }
        if (owner != null) {
            sql.append(" and d.owner_group = ?");
            params.add(owner);
        }
        sql.append(" order by d.id limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params).query(DisputeRepository::map).list();
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
                row.getObject("resolved_on", LocalDate.class),
                row.getString("owner_group"),
                row.getObject("sla_due_on", LocalDate.class),
                row.getBoolean("escalated"),
                row.getString("outcome"),
                row.getString("resolution_note"),
                row.getString("credit_note_number"),
                row.getString("corrected_invoice_number"));
    }
}
