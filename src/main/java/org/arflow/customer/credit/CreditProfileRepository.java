package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreditProfileRepository {

    private static final String COLUMNS = """
            customer_id, risk_class, credit_limit, currency, payment_terms, reason_code, requested_limit,
            requested_terms, applicant_country, years_trading, external_score, on_hold, hold_reason, held_since,
            decision_id""";

    private final JdbcClient jdbc;

    CreditProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CreditProfile> find(long customerId) {
        return jdbc.sql("select " + COLUMNS + " from credit_profile where customer_id = ?").param(customerId)
                .query(CreditProfileRepository::map).optional();
    }

    /** Locks the profile row until the transaction ends, so that two reviews cannot interleave their changes. */
    Optional<CreditProfile> lock(long customerId) {
        return jdbc.sql("select " + COLUMNS + " from credit_profile where customer_id = ? for update")
                .param(customerId).query(CreditProfileRepository::map).optional();
    }

    void insert(CreditProfile profile, OffsetDateTime now) {
        CreditApplication application = profile.application();
        jdbc.sql("""
                insert into credit_profile (customer_id, risk_class, credit_limit, currency, payment_terms,
                    reason_code, requested_limit, requested_terms, applicant_country, years_trading, external_score,
                    on_hold, decision_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)""")
                .params(profile.customerId(), profile.riskClass(), profile.creditLimit(), profile.currency(),
                        profile.paymentTerms(), profile.reasonCode(), application.requestedLimit(),
                        application.requestedTerms(), application.country(), application.yearsTrading(),
                        application.externalScore(), profile.decisionId(), now)
                .update();
    }

    /** Replaces what the credit policy granted; the hold state is left as it is. */
    void updateGrant(long customerId, String riskClass, BigDecimal creditLimit, String paymentTerms,
            String reasonCode, long decisionId, OffsetDateTime now) {
        jdbc.sql("""
                update credit_profile set risk_class = ?, credit_limit = ?, payment_terms = ?, reason_code = ?,
                    decision_id = ?, updated_at = ?
                where customer_id = ?""")
                .params(riskClass, creditLimit, paymentTerms, reasonCode, decisionId, now, customerId)
                .update();
    }

    void updateLimit(long customerId, BigDecimal creditLimit, OffsetDateTime now) {
        jdbc.sql("update credit_profile set credit_limit = ?, updated_at = ? where customer_id = ?")
                .params(creditLimit, now, customerId).update();
    }

    void hold(long customerId, String reasonCode, OffsetDateTime now) {
        jdbc.sql("""
                update credit_profile set on_hold = true, hold_reason = ?, held_since = ?, updated_at = ?
                where customer_id = ?""")
                .params(reasonCode, now, now, customerId).update();
    }

    void release(long customerId, OffsetDateTime now) {
        jdbc.sql("""
                update credit_profile set on_hold = false, hold_reason = null, held_since = null, updated_at = ?
                where customer_id = ?""")
                .params(now, customerId).update();
    }

    void insertReview(CreditReview review) {
        jdbc.sql("""
                insert into credit_review (customer_id, invoice_number, outcome, reason_code, decision_id,
                    process_instance_id, opened_at, resolution, new_credit_limit, resolved_by, review_comment,
                    resolved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(review.customerId(), review.invoiceNumber(), review.outcome(), review.reasonCode(),
                        review.decisionId(), review.processInstanceId(), review.openedAt(), review.resolution(),
                        review.newCreditLimit(), review.resolvedBy(), review.comment(), review.resolvedAt())
                .update();
    }

    /** Finds the customer's resolved reviews, newest first. */
    List<CreditReview> findReviews(long customerId, int limit) {
        return jdbc.sql("""
                select customer_id, invoice_number, outcome, reason_code, decision_id, process_instance_id,
                    opened_at, resolution, new_credit_limit, resolved_by, review_comment, resolved_at
                from credit_review where customer_id = ? order by id desc limit ?""")
                .params(customerId, limit)
                .query((row, rowNumber) -> new CreditReview(row.getLong("customer_id"), row.getString("invoice_number"),
                        row.getString("outcome"), row.getString("reason_code"),
                        row.getObject("decision_id", Long.class),
                        row.getString("process_instance_id"), row.getObject("opened_at", OffsetDateTime.class),
                        row.getString("resolution"), row.getBigDecimal("new_credit_limit"),
                        row.getString("resolved_by"), row.getString("review_comment"),
                        row.getObject("resolved_at", OffsetDateTime.class)))
                .list();
    }

    private static CreditProfile map(ResultSet row, int rowNumber) throws SQLException {
        CreditApplication application = new CreditApplication(row.getString("applicant_country"),
                row.getBigDecimal("requested_limit"), row.getString("currency"), row.getInt("years_trading"),
                row.getObject("external_score", Integer.class), row.getString("requested_terms"));
        return new CreditProfile(
                row.getLong("customer_id"),
                row.getString("risk_class"),
                row.getBigDecimal("credit_limit"),
                row.getString("currency"),
                row.getString("payment_terms"),
                row.getString("reason_code"),
                application,
                row.getBoolean("on_hold"),
                row.getString("hold_reason"),
                row.getObject("held_since", OffsetDateTime.class),
                row.getObject("decision_id", Long.class));
    }
}
