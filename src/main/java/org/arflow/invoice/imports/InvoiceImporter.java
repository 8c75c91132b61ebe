package org.arflow.invoice.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.invoice.InvoiceDraft;
import org.arflow.idempotency.Retry;
import org.arflow.invoice.InvoiceService;
import org.arflow.invoice.creditnote.CreditNoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports invoices from a CSV file in ARflow's own layout or Xero's, recognised by the header. The whole
 * file is parsed before anything is stored, so a malformed file stores nothing. Then each invoice is stored
 * in its own transaction with its customer and process instance: a rejected invoice leaves no trace, the
 * valid ones are kept, and importing the same file again creates nothing.
 */
@Service
public class InvoiceImporter {

    private static final Logger log = LoggerFactory.getLogger(InvoiceImporter.class);

    private final CsvInvoiceReader reader;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final TransactionTemplate transactions;
    private final CreditNoteService creditNotes;

    InvoiceImporter(InvoiceService invoices, CustomerService customers, TransactionTemplate transactions,
            CompanyProperties company, CreditNoteService creditNotes) {
        this.creditNotes = creditNotes;
        this.reader = new CsvInvoiceReader(company);
        this.invoices = invoices;
        this.customers = customers;
        this.transactions = transactions;
    }

    /** The result of importing a UBL credit note. */
    public record CreditNoteImport(String layout, List<String> creditNotesCreated,
            List<String> creditNotesAlreadyPresent) {
    }

    /**
     * Imports an XML document: a UBL 2.1 credit note, applied to the invoice it names. The same file again
     * creates nothing.
     */
    public CreditNoteImport importXml(byte[] content) {
        UblCreditNoteReader.UblCreditNote read = UblCreditNoteReader.readWithParty(content);
        CreditNoteService.CreditNoteRequest request = read.request();
        requireSameCustomer(read);
        CreditNoteService.Issued issued = Retry.onceOnDuplicateKey(() -> creditNotes.issue(request));
        String number = issued.creditNote().creditNoteNumber();
        log.info("UBL credit note imported: creditNoteNumber={} created={}", number, issued.created());
        return new CreditNoteImport("ubl-credit-note", issued.created() ? List.of(number) : List.of(),
                issued.created() ? List.of() : List.of(number));
    }

    /** Rejects a credit note whose customer party names someone other than the invoice's customer. */
    private void requireSameCustomer(UblCreditNoteReader.UblCreditNote read) {
        if (read.customerIdentifiers().isEmpty()) {
            return;
        }
        invoices.findByNumber(read.request().invoiceNumber())
                .flatMap(invoice -> customers.findById(invoice.customerId()))
                .ifPresent(customer -> {
                    boolean same = read.customerIdentifiers().stream().anyMatch(identifier ->
                            identifier.equalsIgnoreCase(customer.externalId())
                                    || identifier.equalsIgnoreCase(customer.name()));
                    if (!same) {
                        throw RejectedException.invalid(Violation.of("AccountingCustomerParty",
                                String.join(", ", read.customerIdentifiers()), "does not match customer "
                                        + customer.externalId() + " (" + customer.name() + "), who owns invoice "
                                        + read.request().invoiceNumber()));
                    }
                });
    }

    /** Returns whether the upload is an XML document rather than a CSV file. */
    public static boolean isXml(byte[] content) {
        return UblCreditNoteReader.isXml(content);
    }

    public ImportReport importCsv(byte[] content, boolean sendInvoices) {
        CsvInvoiceReader.ParsedFile file = reader.read(content);
        String source = file.layout().name().toUpperCase(Locale.ROOT) + "_CSV";
        Map<String, List<ParsedRow>> byInvoice = new LinkedHashMap<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (ParsedRow row : file.rows()) {
            if (row.invoiceNumber() == null) {
                reject(rejected, null, row.violations(), file.layout());
                continue;
            }
            byInvoice.computeIfAbsent(row.invoiceNumber(), number -> new ArrayList<>()).add(row);
        }
        List<String> created = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Map.Entry<String, List<ParsedRow>> invoice : byInvoice.entrySet()) {
            importInvoice(invoice.getKey(), invoice.getValue(), file.layout(), sendInvoices, source, created, present,
                    rejected);
        }
        log.info("Invoice import finished: layout={} rows={} created={} alreadyPresent={} rejectedRows={}",
                file.layout().name(), file.rows().size(), created.size(), present.size(), rejected.size());
        return new ImportReport(file.layout().name(), file.rows().size(), created, present, rejected);
    }

    private void importInvoice(String number, List<ParsedRow> rows, CsvLayout layout, boolean sendInvoices,
            String source, List<String> created, List<String> present, List<ImportReport.RejectedRow> rejected) {
        List<Violation> violations = new ArrayList<>();
        rows.forEach(row -> violations.addAll(row.violations()));
        violations.addAll(inconsistentRows(rows, layout));
        if (!violations.isEmpty()) {
            reject(rejected, number, violations, layout);
            return;
        }
        ParsedRow first = rows.get(0);
        InvoiceDraft draft = new InvoiceDraft(number, first.currency(), first.issueDate(), first.dueDate(),
                first.reference(), first.declaredTotal(), rows.stream().map(ParsedRow::invoiceLine).toList());
        try {
            InvoiceService.Submission submission = Retry.onceOnDuplicateKey(() -> transactions.execute(status ->
                    invoices.submit(draft, customerOf(first, layout), sendInvoices, source)));
            (submission.created() ? created : present).add(number);
        } catch (RejectedException rejection) {
            String field = rejection.problem().startsWith("customer") ? "externalId" : "invoiceNumber";
            List<Violation> reasons = rejection.violations().isEmpty()
                    ? List.of(Violation.of(field, field.equals("externalId") ? first.customerKey() : number,
                            rejection.getMessage()))
                    : rejection.violations();
            reject(rejected, number, reasons.stream()
                    .map(violation -> violation.line() == null ? violation.atLine(first.line()) : violation)
                    .toList(), layout);
        }
    }

    private Customer customerOf(ParsedRow row, CsvLayout layout) {
        if (layout.matchesCustomersByName()) {
            return customers.matchOrRegisterContact(row.contact());
        }
        return customers.findByExternalId(row.customerKey())
                .orElseGet(() -> registerNew(row));
    }

    private Customer registerNew(ParsedRow row) {
        if (row.contact() == null) {
            throw RejectedException.invalid(Violation.of("externalId", row.customerKey(), "no customer has this "
                    + "external id; register it first, or fill customer_name and customer_country"));
        }
        return customers.register(row.contact()).customer();
    }

    /** Returns a violation for each row whose invoice-level values differ from the invoice's first row. */
    private static List<Violation> inconsistentRows(List<ParsedRow> rows, CsvLayout layout) {
        ParsedRow first = rows.get(0);
        List<String> fields = List.of("externalId", "issueDate", "dueDate", "currency", "reference");
        List<Violation> violations = new ArrayList<>();
        for (ParsedRow row : rows.subList(1, rows.size())) {
            for (int index = 0; index < fields.size(); index++) {
                Object expected = first.invoiceLevelValues().get(index);
                Object actual = row.invoiceLevelValues().get(index);
                boolean unreadable = expected == null && actual == null;
                if (!unreadable && !Objects.equals(expected, actual) && !row.hasViolations()) {
                    violations.add(new Violation(row.line(), fields.get(index), Objects.toString(actual, null),
                            "differs from line " + first.line() + " of the same invoice (" + expected + ")"));
                }
            }
        }
        return violations;
    }

    private static void reject(List<ImportReport.RejectedRow> rejected, String number, List<Violation> violations,
            CsvLayout layout) {
        for (Violation violation : violations) {
            String field = violation.field();
            String bareField = field.replaceFirst("^lines\\[\\d+]\\.", "");
            String column = layout.columnsByField().getOrDefault(bareField, field);
            rejected.add(new ImportReport.RejectedRow(violation.line(), number, column, violation.value(),
                    violation.reason()));
        }
    }

}
