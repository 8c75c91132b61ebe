package org.arflow.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    private static final String COLUMNS = """
            i.id, i.invoice_number, i.customer_id, i.currency, i.issue_date, i.due_date, i.reference, i.net_amount,
            i.tax_amount, i.total_amount, i.status, i.source, i.send_invoice, i.overdue_on, i.settled_on,
            i.settlement, i.content_hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    InvoiceRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Optional<Invoice> findByNumber(String invoiceNumber) {
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.invoice_number = ?")
                .param(invoiceNumber)
                .query(InvoiceRepository::map)
                .optional();
    }

    Optional<Invoice> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.id = ?").param(id)
                .query(InvoiceRepository::map).optional();
    }

    /** Finds the customer's open invoices in one currency, oldest due date first, ties broken by id. */
    List<Invoice> findOpen(long customerId, String currency) {
        return jdbc.sql("select " + COLUMNS + """
                 from invoice i where i.customer_id = ? and i.currency = ? and i.status in ('ISSUED', 'OVERDUE')
                order by i.due_date, i.id""")
                .params(customerId, currency)
                .query(InvoiceRepository::map)
                .list();
    }

    List<InvoiceSummary> findPage(InvoiceStatus status, Long customerId, int page, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + """
                , c.external_id, (select coalesce(sum(p.amount), 0) from posting p where p.invoice_id = i.id) as balance
                from invoice i join customer c on c.id = i.customer_id where 1 = 1""");
        List<Object> params = new ArrayList<>();
        appendFilters(sql, params, status, customerId);
        sql.append(" order by i.id limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params)
                .query((row, rowNumber) -> new InvoiceSummary(map(row, rowNumber), row.getString("external_id"),
                        row.getBigDecimal("balance")))
                .list();
    }

    long count(InvoiceStatus status, Long customerId) {
        StringBuilder sql = new StringBuilder("select count(*) from invoice i where 1 = 1");
        List<Object> params = new ArrayList<>();
        appendFilters(sql, params, status, customerId);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void appendFilters(StringBuilder sql, List<Object> params, InvoiceStatus status,
            Long customerId) {
        if (status != null) {
            sql.append(" and i.status = ?");
            params.add(status.name());
        }
        if (customerId != null) {
            sql.append(" and i.customer_id = ?");
            params.add(customerId);
        }
    }

    List<InvoiceLine> findLines(long invoiceId) {
        return jdbc.sql("""
                select line_number, item_code, description, quantity, unit_price, discount_percent, net_amount,
                    tax_amount
                from invoice_line where invoice_id = ? order by line_number""")
                .param(invoiceId)
                .query((row, rowNumber) -> new InvoiceLine(row.getInt("line_number"), row.getString("item_code"),
                        row.getString("description"), row.getBigDecimal("quantity"), row.getBigDecimal("unit_price"),
                        row.getBigDecimal("discount_percent"), row.getBigDecimal("net_amount"),
                        row.getBigDecimal("tax_amount")))
                .list();
    }

    /** Inserts the invoice and its lines in two statements and returns the new id. */
    long insert(Invoice invoice, List<InvoiceLine> lines, OffsetDateTime createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into invoice (invoice_number, customer_id, currency, issue_date, due_date, reference,
                    net_amount, tax_amount, total_amount, status, source, send_invoice, content_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(invoice.invoiceNumber(), invoice.customerId(), invoice.currency().getCurrencyCode(),
                        invoice.issueDate(), invoice.dueDate(), invoice.reference(), invoice.netAmount(),
                        invoice.taxAmount(), invoice.totalAmount(), invoice.status().name(), invoice.source(),
                        invoice.sendInvoice(), invoice.contentHash(), createdAt)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbcTemplate.batchUpdate("""
                insert into invoice_line (invoice_id, line_number, item_code, description, quantity, unit_price,
                    discount_percent, net_amount, tax_amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, lines.size(), (statement, line) -> {
                    statement.setLong(1, id);
                    statement.setInt(2, line.lineNumber());
                    statement.setString(3, line.itemCode());
                    statement.setString(4, line.description());
                    statement.setBigDecimal(5, line.quantity());
                    statement.setBigDecimal(6, line.unitPrice());
                    statement.setBigDecimal(7, line.discountPercent());
                    statement.setBigDecimal(8, line.netAmount());
                    statement.setBigDecimal(9, line.taxAmount());
                });
        return id;
    }

    /**
     * Finds the invoices with the given numbers, also written in upper or lower case, oldest due date first.
     * Matching the case variants keeps the look-up on the index.
     */
    List<Invoice> findByNumbers(List<String> invoiceNumbers) {
        if (invoiceNumbers.isEmpty()) {
            return List.of();
        }
        Set<String> variants = new LinkedHashSet<>();
        for (String number : invoiceNumbers) {
            variants.add(number);
            variants.add(number.toUpperCase(Locale.ROOT));
            variants.add(number.toLowerCase(Locale.ROOT));
        }
        return jdbc.sql("select " + COLUMNS + " from invoice i where i.invoice_number in (:numbers)"
                        + " order by i.due_date, i.id")
                .param("numbers", List.copyOf(variants))
                .query(InvoiceRepository::map)
                .list();
    }

    /** Locks the invoice row until the transaction ends, so that two payments cannot both allocate its balance. */
    void lock(long invoiceId) {
        jdbc.sql("select id from invoice where id = ? for update").param(invoiceId).query(Long.class).single();
    }

    /** Marks an issued invoice overdue; returns false when it was no longer ISSUED. */
    boolean markOverdue(long invoiceId, LocalDate overdueOn) {
        return jdbc.sql("update invoice set status = 'OVERDUE', overdue_on = ? where id = ? and status = 'ISSUED'")
                .params(overdueOn, invoiceId)
                .update() == 1;
    }

    void recordLateCharge(long invoiceId, LocalDate chargedTo, boolean compensationCharged) {
        jdbc.sql("update invoice set interest_charged_to = ?, compensation_charged = ? where id = ?")
                .params(chargedTo, compensationCharged, invoiceId).update();
    }

    void markSettled(long invoiceId, Settlement settlement, LocalDate settledOn) {
        jdbc.sql("update invoice set status = ?, settlement = ?, settled_on = ? where id = ?")
                .params(settlement.status().name(), settlement.name(), settledOn, invoiceId)
                .update();
    }

    /** Returns a settled invoice to ISSUED; its process marks it overdue again where the due date has passed. */
    void reopen(long invoiceId) {
        jdbc.sql("""
                update invoice set status = 'ISSUED', settlement = null, settled_on = null, overdue_on = null
                where id = ?""")
                .param(invoiceId)
                .update();
    }

    private static Invoice map(ResultSet row, int rowNumber) throws SQLException {
        String settlement = row.getString("settlement");
        return new Invoice(
                row.getLong("id"),
                row.getString("invoice_number"),
                row.getLong("customer_id"),
                Currency.getInstance(row.getString("currency")),
                row.getObject("issue_date", LocalDate.class),
                row.getObject("due_date", LocalDate.class),
                row.getString("reference"),
                row.getBigDecimal("net_amount"),
                row.getBigDecimal("tax_amount"),
                row.getBigDecimal("total_amount"),
                InvoiceStatus.valueOf(row.getString("status")),
                row.getString("source"),
                row.getBoolean("send_invoice"),
                row.getObject("overdue_on", LocalDate.class),
                row.getObject("settled_on", LocalDate.class),
                settlement == null ? null : Settlement.valueOf(settlement),
                row.getString("content_hash"));
    }

    /** An invoice with its customer's external id and its open balance, for list pages. */
    record InvoiceSummary(Invoice invoice, String customerExternalId, java.math.BigDecimal openBalance) {
    }
}
