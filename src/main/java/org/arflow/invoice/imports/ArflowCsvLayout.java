package org.arflow.invoice.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.arflow.customer.Address;
import org.arflow.customer.CustomerDetails;
import org.arflow.error.Violation;
import org.arflow.invoice.InvoiceDraft;

/**
 * ARflow's own CSV layout: one row per invoice line, ISO dates, the customer named by its external id.
 * The {@code customer_name}, {@code customer_email} and {@code customer_country} columns register a customer
 * that is not known yet; for a known customer they are ignored.
 */
final class ArflowCsvLayout implements CsvLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final String DATE_EXAMPLE = "YYYY-MM-DD, such as 2026-01-31";

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("invoiceNumber", "invoice_number"), Map.entry("issueDate", "issue_date"),
            Map.entry("dueDate", "due_date"), Map.entry("currency", "currency"), Map.entry("reference", "reference"),
            Map.entry("total", "unit_price"), Map.entry("totalAmount", "unit_price"),
            Map.entry("lines", "description"), Map.entry("description", "description"),
            Map.entry("itemCode", "item_code"), Map.entry("quantity", "quantity"),
            Map.entry("unitPrice", "unit_price"), Map.entry("discountPercent", "discount_percent"),
            Map.entry("taxAmount", "tax_amount"), Map.entry("externalId", "customer_id"),
            Map.entry("name", "customer_name"), Map.entry("billingEmail", "customer_email"),
            Map.entry("country", "customer_country"), Map.entry("locale", "customer_country"),
            Map.entry("timeZone", "customer_country"));

    @Override
    public String name() {
        return "arflow";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("invoice_number", "customer_id", "issue_date", "due_date", "currency", "description",
                "quantity", "unit_price");
    }

    @Override
    public boolean matchesCustomersByName() {
        return false;
    }

    @Override
    public Map<String, String> columnsByField() {
        return COLUMNS;
    }

    @Override
    public ParsedRow parse(CSVRecord record, int line, Columns columns) {
        List<Violation> violations = new ArrayList<>();
        ValueReader read = new ValueReader(line, violations);
        String invoiceNumber = read.required("invoice_number", columns.value(record, "invoice_number"));
        String customerId = read.required("customer_id", columns.value(record, "customer_id"));
        LocalDate issueDate = read.date("issue_date", columns.value(record, "issue_date"), DATE, DATE_EXAMPLE);
        LocalDate dueDate = read.date("due_date", columns.value(record, "due_date"), DATE, DATE_EXAMPLE);
        String currency = read.required("currency", columns.value(record, "currency"));
        InvoiceDraft.LineDraft invoiceLine = new InvoiceDraft.LineDraft(line,
                columns.value(record, "item_code"),
                read.required("description", columns.value(record, "description")),
                read.number("quantity", columns.value(record, "quantity"), true),
                read.number("unit_price", columns.value(record, "unit_price"), true),
                read.percent("discount_percent", columns.value(record, "discount_percent")),
                read.number("tax_amount", columns.value(record, "tax_amount"), false));
        String name = columns.value(record, "customer_name");
        CustomerDetails contact = name == null ? null : new CustomerDetails(customerId, name,
                columns.value(record, "customer_email"), Address.NONE, columns.value(record, "customer_country"),
                null, null, currency);
        return new ParsedRow(line, invoiceNumber, customerId, contact, issueDate, dueDate, currency,
                columns.value(record, "reference"), null, invoiceLine, violations);
    }
}
