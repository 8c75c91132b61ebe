package org.arflow.invoice.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Address;
import org.arflow.customer.CustomerDetails;
import org.arflow.error.Violation;
import org.arflow.invoice.InvoiceDraft;

/**
 * Xero's sales-invoice import layout: one row per line item, grouped by {@code *InvoiceNumber}, dates as
 * DD/MM/YYYY, {@code Discount} in percent and {@code TaxAmount} per line. Customers are matched or created
 * from {@code *ContactName}; a new customer's external id is the contact name with the characters that are
 * not allowed in ids ({@code / \\ ? # %}) replaced by '-'. A blank {@code Currency} means the company's currency,
 * as in Xero.
 */
final class XeroCsvLayout implements CsvLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final String DATE_EXAMPLE = "DD/MM/YYYY, such as 31/01/2026";

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("invoiceNumber", "*InvoiceNumber"), Map.entry("issueDate", "*InvoiceDate"),
            Map.entry("dueDate", "*DueDate"), Map.entry("currency", "Currency"), Map.entry("reference", "Reference"),
            Map.entry("total", "Total"), Map.entry("totalAmount", "*UnitAmount"), Map.entry("lines", "*Description"),
            Map.entry("description", "*Description"), Map.entry("quantity", "*Quantity"),
            Map.entry("unitPrice", "*UnitAmount"), Map.entry("discountPercent", "Discount"),
            Map.entry("taxAmount", "TaxAmount"), Map.entry("itemCode", "InventoryItemCode"),
            Map.entry("externalId", "*ContactName"),
            Map.entry("name", "*ContactName"), Map.entry("billingEmail", "EmailAddress"),
            Map.entry("country", "POCountry"), Map.entry("locale", "POCountry"), Map.entry("timeZone", "POCountry"));

    private final CompanyProperties company;

    XeroCsvLayout(CompanyProperties company) {
        this.company = company;
    }

    @Override
    public String name() {
        return "xero";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("*ContactName", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "*Description", "*Quantity",
                "*UnitAmount");
    }

    @Override
    public boolean matchesCustomersByName() {
        return true;
    }

    @Override
    public Map<String, String> columnsByField() {
        return COLUMNS;
    }

    @Override
    public ParsedRow parse(CSVRecord record, int line, Columns columns) {
        List<Violation> violations = new ArrayList<>();
        ValueReader read = new ValueReader(line, violations);
        String contactName = read.required("*ContactName", columns.value(record, "*ContactName"));
        String invoiceNumber = read.required("*InvoiceNumber", columns.value(record, "*InvoiceNumber"));
        LocalDate issueDate = read.date("*InvoiceDate", columns.value(record, "*InvoiceDate"), DATE, DATE_EXAMPLE);
        LocalDate dueDate = read.date("*DueDate", columns.value(record, "*DueDate"), DATE, DATE_EXAMPLE);
        String currency = columns.value(record, "Currency");
        if (currency == null) {
            currency = company.currency();
        }
        BigDecimal total = read.number("Total", columns.value(record, "Total"), false);
        InvoiceDraft.LineDraft invoiceLine = new InvoiceDraft.LineDraft(line,
                columns.value(record, "InventoryItemCode"),
                read.required("*Description", columns.value(record, "*Description")),
                read.number("*Quantity", columns.value(record, "*Quantity"), true),
                read.number("*UnitAmount", columns.value(record, "*UnitAmount"), true),
                read.percent("Discount", columns.value(record, "Discount")),
                read.number("TaxAmount", columns.value(record, "TaxAmount"), false));
        CustomerDetails contact = contact(record, columns, contactName, currency);
        return new ParsedRow(line, invoiceNumber, contactName, contact, issueDate, dueDate, currency,
                columns.value(record, "Reference"), total, invoiceLine, violations);
    }

    private CustomerDetails contact(CSVRecord record, Columns columns, String contactName, String currency) {
        String street = Stream.of("POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4")
                .map(column -> columns.value(record, column))
                .filter(value -> value != null)
                .skip(1)
                .collect(Collectors.joining(", "));
        Address address = new Address(columns.value(record, "POAddressLine1"), street.isEmpty() ? null : street,
                columns.value(record, "POCity"), columns.value(record, "PORegion"),
                columns.value(record, "POPostalCode"));
        String country = columns.value(record, "POCountry");
        String externalId = contactName == null ? null : contactName.replaceAll("[/\\\\?#%\\p{Cntrl}]", "-");
        return new CustomerDetails(externalId, contactName, columns.value(record, "EmailAddress"), address,
                country == null ? company.country() : country, null, null, currency);
    }
}
