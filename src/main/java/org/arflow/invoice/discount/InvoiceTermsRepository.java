package org.arflow.invoice.discount;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceTermsRepository {

    private final JdbcClient jdbc;

    InvoiceTermsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long invoiceId, InvoiceTerms terms) {
        jdbc.sql("""
                insert into invoice_terms (invoice_id, payment_terms, terms_source, discount_outcome, reason_code,
                    decision_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(invoiceId, terms.paymentTerms(), terms.source(), terms.discountOutcome(), terms.reasonCode(),
                        terms.decisionId())
                .update();
        for (OfferedDiscount discount : terms.discounts()) {
            jdbc.sql("""
                    insert into invoice_discount_tier (invoice_id, tier, rate_percent, last_day, discount_amount,
                        discounted_amount)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(invoiceId, discount.tier(), discount.ratePercent(), discount.lastDay(),
                            discount.discountAmount(), discount.discountedAmount())
                    .update();
        }
    }

    Optional<InvoiceTerms> find(long invoiceId) {
        List<OfferedDiscount> discounts = discounts(invoiceId);
        return jdbc.sql("""
                select payment_terms, terms_source, discount_outcome, reason_code, decision_id
                from invoice_terms where invoice_id = ?""")
                .param(invoiceId)
                .query((row, rowNumber) -> new InvoiceTerms(row.getString("payment_terms"),
                        row.getString("terms_source"), row.getString("discount_outcome"), row.getString("reason_code"),
                        row.getObject("decision_id", Long.class), discounts))
                .optional();
    }

    /** Finds the offered discounts of an invoice, shortest window first. */
    List<OfferedDiscount> discounts(long invoiceId) {
        return jdbc.sql("""
                select tier, rate_percent, last_day, discount_amount, discounted_amount
                from invoice_discount_tier where invoice_id = ? order by tier""")
                .param(invoiceId)
                .query((row, rowNumber) -> new OfferedDiscount(row.getInt("tier"), row.getBigDecimal("rate_percent"),
                        row.getObject("last_day", LocalDate.class), row.getBigDecimal("discount_amount"),
                        row.getBigDecimal("discounted_amount")))
                .list();
    }
}
