package org.arflow.dunning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CollectionCaseRepository {

    private static final String SELECT = """
            select k.id, k.customer_id, c.external_id, k.currency, k.business_key, k.status, k.dunning_level,
                k.opened_on, k.closed_on, k.close_reason, k.pause_reason, k.agency, k.next_step, k.next_step_at
            from collection_case k join customer c on c.id = k.customer_id""";

    private final JdbcClient jdbc;

    CollectionCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds the case of the customer and currency that is not closed; there is at most one. */
    Optional<CollectionCase> findActive(long customerId, String currency) {
        return jdbc.sql(SELECT + " where k.customer_id = ? and k.currency = ? and k.status <> 'CLOSED'"
                        + " and k.status <> 'WITH_AGENCY' order by k.id limit 1")
                .params(customerId, currency).query(CollectionCaseRepository::map).optional();
    }

    /**
     * Locks the customer row until the transaction ends. Two invoices of one customer can fall overdue in
     * concurrent jobs, and the lock makes the second wait and then find the case the first one opened.
     */
    void lockCustomer(long customerId) {
        jdbc.sql("select id from customer where id = ? for update").param(customerId).query(Long.class).single();
    }

    Optional<CollectionCase> findById(long id) {
        return jdbc.sql(SELECT + " where k.id = ?").param(id).query(CollectionCaseRepository::map).optional();
    }

    /** Locks the case row for the rest of the transaction, so that its steps are decided one at a time. */
    CollectionCase lock(long id) {
        jdbc.sql("select id from collection_case where id = ? for update").param(id).query(Long.class).single();
        return findById(id).orElseThrow();
    }

    List<CollectionCase> find(CaseStatus status, int page, int size) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" where k.status = ?");
            params.add(status.name());
        }
        sql.append(" order by k.id limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params).query(CollectionCaseRepository::map).list();
    }

    long insert(long customerId, String currency, String businessKey, LocalDate openedOn, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into collection_case (customer_id, currency, business_key, status, dunning_level, opened_on,
                    created_at)
                values (?, ?, ?, 'OPEN', 0, ?, ?)""")
                .params(customerId, currency, businessKey, openedOn, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateLevel(long id, int level) {
        jdbc.sql("update collection_case set dunning_level = ? where id = ?").params(level, id).update();
    }

    void updateNextStep(long id, String nextStep, OffsetDateTime nextStepAt) {
        jdbc.sql("update collection_case set next_step = ?, next_step_at = ? where id = ?")
                .params(nextStep, nextStepAt, id).update();
    }

    void updateStatus(long id, CaseStatus status, String pauseReason) {
        jdbc.sql("update collection_case set status = ?, pause_reason = ? where id = ?")
                .params(status.name(), pauseReason, id).update();
    }

    void close(long id, LocalDate closedOn, String reason) {
        jdbc.sql("""
                update collection_case set status = 'CLOSED', closed_on = ?, close_reason = ?, next_step = null,
                    next_step_at = null where id = ?""")
                .params(closedOn, reason, id).update();
    }

    void handOver(long id, String agency) {
        jdbc.sql("""
                update collection_case set status = 'WITH_AGENCY', agency = ?, next_step = null, next_step_at = null
                where id = ?""")
                .params(agency, id).update();
    }

    long insertStep(long caseId, int level, String step, String channel, LocalDate executedOn,
            OffsetDateTime executedAt, String messageKey, Long decisionId, String outcome, String note) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into collection_step (case_id, dunning_level, step, channel, executed_on, executed_at,
                    message_key, decision_id, outcome, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, level, step, channel, executedOn, executedAt, messageKey, decisionId, outcome, note)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<StepRecord> steps(long caseId) {
        return jdbc.sql("""
                select id, dunning_level, step, channel, executed_on, message_key, decision_id, outcome, note
                from collection_step where case_id = ? order by id""")
                .param(caseId)
                .query((row, rowNumber) -> new StepRecord(row.getLong("id"), row.getInt("dunning_level"),
                        row.getString("step"), row.getString("channel"), row.getObject("executed_on", LocalDate.class),
                        row.getString("message_key"), row.getObject("decision_id", Long.class),
                        row.getString("outcome"), row.getString("note")))
                .list();
    }

    /** A step the case carried out. */
    record StepRecord(long id, int dunningLevel, String step, String channel, LocalDate executedOn,
            String messageKey, Long decisionId, String outcome, String note) {
    }

    long insertPromise(long caseId, BigDecimal amount, String currency, LocalDate promisedDate, int graceDays,
            String recordedBy, LocalDate recordedOn, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into promise_to_pay (case_id, amount, currency, promised_date, grace_days, status,
                    recorded_by, recorded_on, created_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(caseId, amount, currency, promisedDate, graceDays, recordedBy, recordedOn, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<PromiseRecord> promises(long caseId) {
        return jdbc.sql("""
                select id, amount, currency, promised_date, grace_days, status, recorded_by, recorded_on, resolved_on
                from promise_to_pay where case_id = ? order by id""")
                .param(caseId)
                .query((row, rowNumber) -> new PromiseRecord(row.getLong("id"), row.getBigDecimal("amount"),
                        row.getString("currency"), row.getObject("promised_date", LocalDate.class),
                        row.getInt("grace_days"), row.getString("status"), row.getString("recorded_by"),
                        row.getObject("recorded_on", LocalDate.class), row.getObject("resolved_on", LocalDate.class)))
                .list();
    }

    /** A promise to pay as stored; {@code status} is OPEN, KEPT or BROKEN. */
    record PromiseRecord(long id, BigDecimal amount, String currency, LocalDate promisedDate, int graceDays,
            String status, String recordedBy, LocalDate recordedOn, LocalDate resolvedOn) {
    }

    void resolvePromise(long promiseId, String status, LocalDate resolvedOn) {
        jdbc.sql("update promise_to_pay set status = ?, resolved_on = ? where id = ?")
                .params(status, resolvedOn, promiseId).update();
    }

    void linkDocument(long caseId, long documentId) {
        jdbc.sql("insert into case_document (case_id, document_id) values (?, ?)").params(caseId, documentId)
                .update();
    }

    List<DocumentRecord> documents(long caseId) {
        return jdbc.sql("""
                select d.id, d.kind, d.file_name, d.content_type, d.created_at
                from case_document c join document d on d.id = c.document_id where c.case_id = ? order by d.id""")
                .param(caseId)
                .query((row, rowNumber) -> new DocumentRecord(row.getLong("id"), row.getString("kind"),
                        row.getString("file_name"), row.getString("content_type"),
                        row.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** A stored letter or case file, without its content. */
    record DocumentRecord(long id, String kind, String fileName, String contentType, OffsetDateTime createdAt) {
    }

    boolean hasDocument(long caseId, long documentId) {
        return jdbc.sql("select count(*) from case_document where case_id = ? and document_id = ?")
                .params(caseId, documentId).query(Long.class).single() > 0;
    }

    /** A customer's facts for the dunning guardrails and late-payment interest. */
    record CollectionProfile(boolean insolvent, boolean consumer, BigDecimal contractInterestRate) {

        static final CollectionProfile DEFAULT = new CollectionProfile(false, false, null);
    }

    CollectionProfile collectionProfile(long customerId) {
        return jdbc.sql("""
                select insolvent, consumer, contract_interest_rate from customer_collection_profile
                where customer_id = ?""")
                .param(customerId)
                .query((row, rowNumber) -> new CollectionProfile(row.getBoolean(1), row.getBoolean(2),
                        row.getBigDecimal(3)))
                .optional().orElse(CollectionProfile.DEFAULT);
    }

    void saveCollectionProfile(long customerId, CollectionProfile profile, OffsetDateTime now) {
        int updated = jdbc.sql("""
                update customer_collection_profile set insolvent = ?, consumer = ?, contract_interest_rate = ?,
                    updated_at = ? where customer_id = ?""")
                .params(profile.insolvent(), profile.consumer(), profile.contractInterestRate(), now, customerId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into customer_collection_profile (customer_id, insolvent, consumer, contract_interest_rate,
                        updated_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(customerId, profile.insolvent(), profile.consumer(), profile.contractInterestRate(), now)
                    .update();
        }
    }

    private static CollectionCase map(ResultSet row, int rowNumber) throws SQLException {
        return new CollectionCase(
                row.getLong("id"),
                row.getLong("customer_id"),
                row.getString("external_id"),
                row.getString("currency"),
                row.getString("business_key"),
                CaseStatus.valueOf(row.getString("status")),
                row.getInt("dunning_level"),
                row.getObject("opened_on", LocalDate.class),
                row.getObject("closed_on", LocalDate.class),
                row.getString("close_reason"),
                row.getString("pause_reason"),
                row.getString("agency"),
                row.getString("next_step"),
                row.getObject("next_step_at", OffsetDateTime.class));
    }
}
