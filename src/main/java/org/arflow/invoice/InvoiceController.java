package org.arflow.invoice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.arflow.idempotency.Retry;
import org.arflow.invoice.imports.ImportReport;
import org.arflow.invoice.imports.InvoiceImporter;
import org.arflow.web.PageView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/** Invoices: intake one by one or by file, and their state and open balance. */
@RestController
@RequestMapping("/api/invoices")
@Validated
class InvoiceController {

    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final CustomerService customers;
    private final InvoiceImporter importer;
    private final DataSize maxUpload;

    InvoiceController(InvoiceService invoices, InvoiceRepository repository, CustomerService customers,
            InvoiceImporter importer, @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUpload) {
        this.invoices = invoices;
        this.repository = repository;
        this.customers = customers;
        this.importer = importer;
        this.maxUpload = maxUpload;
    }

    /** Issues an invoice: 201 when created, 200 with the stored invoice when the same body is sent again. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvoiceView> submit(@RequestBody InvoiceRequest request) {
        if (request.customer() == null || request.customer().isBlank()) {
            throw RejectedException.invalid(org.arflow.error.Violation.of("customer", request.customer(),
                    "is required: the customer's external id"));
        }
        Customer customer = customers.requireByExternalId(request.customer(), "customer");
        boolean sendInvoice = request.sendInvoice() == null || request.sendInvoice();
        InvoiceService.Submission submission = Retry.onceOnDuplicateKey(() ->
                invoices.submit(request.toDraft(), customer, sendInvoice, "API"));
        InvoiceView view = view(submission.invoice());
        if (!submission.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = UriComponentsBuilder.fromPath("/api/invoices/{number}").buildAndExpand(view.invoiceNumber())
                .encode().toUri();
        return ResponseEntity.created(location).body(view);
    }

    /**
     * Imports a file sent as the multipart part {@code file}: a CSV file of invoices, or a UBL 2.1 credit note
     * in XML, which returns a {@link InvoiceImporter.CreditNoteImport}.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Object importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean sendInvoices, Authentication user) {
        try {
            byte[] content = file.getBytes();
            if (InvoiceImporter.isXml(content)) {
                requireCreditNoteIssuer(user);
                return importer.importXml(content);
            }
            return importer.importCsv(content, sendInvoices);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The uploaded file " + file.getOriginalFilename() + " cannot be read",
                    unreadable);
        }
    }

    /** Imports a UBL 2.1 credit note sent as the request body. */
    @PostMapping(path = "/import", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    InvoiceImporter.CreditNoteImport importXmlBody(@RequestBody byte[] content, Authentication user) {
        requireCreditNoteIssuer(user);
        return importer.importXml(content);
    }

    /** Credit notes lower what customers owe, so only billing, managers and administrators issue them. */
    private static void requireCreditNoteIssuer(Authentication user) {
        boolean allowed = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.equals("GROUP_billing") || authority.equals("GROUP_managers")
                        || authority.equals("GROUP_camunda-admin"));
        if (!allowed) {
            throw new AccessDeniedException("Importing a credit note needs the billing or managers group");
        }
    }

    /** Imports a CSV file sent as the request body with content type {@code text/csv}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    ImportReport importBody(@RequestBody byte[] content, @RequestParam(defaultValue = "true") boolean sendInvoices) {
        if (content.length > maxUpload.toBytes()) {
            throw RejectedException.payloadTooLarge("upload-too-large", "The upload of " + content.length
                    + " bytes exceeds the maximum size of " + maxUpload.toMegabytes() + " MB; split the file or "
                    + "raise spring.servlet.multipart.max-file-size");
        }
        return importer.importCsv(content, sendInvoices);
    }

    @GetMapping
    PageView<InvoiceSummaryView> list(@RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Long customerId = null;
        if (customer != null) {
            customerId = customers.findByExternalId(customer).map(Customer::id).orElse(-1L);
        }
        List<InvoiceSummaryView> content = repository.findPage(status, customerId, page, size).stream()
                .map(InvoiceSummaryView::of)
                .toList();
        return new PageView<>(content, page, size, repository.count(status, customerId));
    }

    @GetMapping("/{invoiceNumber}")
    InvoiceView get(@PathVariable String invoiceNumber) {
        return view(invoices.requireByNumber(invoiceNumber));
    }

    private InvoiceView view(Invoice invoice) {
        Customer customer = customers.findById(invoice.customerId()).orElseThrow();
        return InvoiceView.of(invoice, customer, invoices.openBalance(invoice), invoices.lines(invoice),
                invoices.processInstanceId(invoice.invoiceNumber()));
    }

    /** An invoice list entry. */
    record InvoiceSummaryView(String invoiceNumber, String customer, String currency, LocalDate issueDate,
            LocalDate dueDate, BigDecimal totalAmount, BigDecimal openBalance, InvoiceStatus status) {

        static InvoiceSummaryView of(InvoiceRepository.InvoiceSummary summary) {
            Invoice invoice = summary.invoice();
            return new InvoiceSummaryView(invoice.invoiceNumber(), summary.customerExternalId(),
                    invoice.currency().getCurrencyCode(), invoice.issueDate(), invoice.dueDate(),
                    InvoiceView.scaled(invoice.totalAmount(), invoice),
                    InvoiceView.scaled(summary.openBalance(), invoice), invoice.status());
        }
    }
}
