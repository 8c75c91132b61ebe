package org.arflow.invoice.discount;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerDetails;
import org.arflow.customer.CustomerService;
import org.arflow.customer.credit.CreditApplicationRequest;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceDraft;
import org.arflow.invoice.InvoiceService;
import org.arflow.invoice.InvoiceStatus;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.Posting;
import org.arflow.ledger.PostingKind;
import org.arflow.payment.PaymentMethod;
import org.arflow.payment.PaymentRequest;
import org.arflow.payment.PaymentService;
import org.arflow.rules.RulesIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Early-payment discounts from issue to settlement: the last discount day and the day after, half-cent
 * rounding, tiered terms, and payments in parts inside the window.
 */
class EarlyPaymentDiscountTest extends RulesIntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    EarlyPaymentDiscounts discounts;
    @Autowired
    Ledger ledger;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now();

    @Test
    void discountedAmountOnLastDaySettles() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "1234.25", today.minusDays(10), null);
        assertThat(invoice.dueDate()).isEqualTo(today.minusDays(10).plusDays(30));
        OfferedDiscount offered = discounts.terms(invoice).orElseThrow().discounts().get(0);
        assertThat(offered.lastDay()).isEqualTo(today);
        assertThat(offered.discountAmount()).isEqualTo(new BigDecimal("24.69"));
        assertThat(offered.discountedAmount()).isEqualTo(new BigDecimal("1209.56"));

        pay(customer, "1209.56", invoice);

        Invoice settled = invoices.findByNumber(invoice.invoiceNumber()).orElseThrow();
        assertThat(settled.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(postings(invoice, PostingKind.DISCOUNT)).containsExactly(new BigDecimal("-24.6900"));
        assertThat(postings(invoice, PostingKind.PAYMENT_ALLOCATION)).containsExactly(new BigDecimal("-1209.5600"));
        assertThat(ledger.invoiceBalance(invoice.id())).isZero();
        String processInstanceId = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey("invoiceToCash").processInstanceBusinessKey(invoice.invoiceNumber())
                .singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("invoicePaid").count()).isEqualTo(1);
    }

    @Test
    void sameAmountDayAfterLeavesDifferenceOpen() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "1234.25", today.minusDays(11), null);

        pay(customer, "1209.56", invoice);

        Invoice open = invoices.findByNumber(invoice.invoiceNumber()).orElseThrow();
        assertThat(open.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(postings(invoice, PostingKind.DISCOUNT)).isEmpty();
        assertThat(ledger.invoiceBalance(invoice.id())).isEqualByComparingTo("24.69");
    }

    @Test
    void shortPaymentInWindowEarnsNoDiscount() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "1234.25", today.minusDays(3), null);

        pay(customer, "1209.55", invoice);

        assertThat(postings(invoice, PostingKind.DISCOUNT)).isEmpty();
        assertThat(ledger.invoiceBalance(invoice.id())).isEqualByComparingTo("24.70");
    }

    @Test
    void partsInsideWindowEarnDiscount() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "1234.25", today.minusDays(5), null);

        pay(customer, "600.00", invoice);
        assertThat(ledger.invoiceBalance(invoice.id())).isEqualByComparingTo("634.25");
        pay(customer, "609.56", invoice);

        assertThat(invoices.findByNumber(invoice.invoiceNumber()).orElseThrow().status())
                .isEqualTo(InvoiceStatus.PAID);
        assertThat(postings(invoice, PostingKind.DISCOUNT)).containsExactly(new BigDecimal("-24.6900"));
    }

    @Test
    void overpaymentInWindowLeavesCredit() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "1234.25", today, null);

        BigDecimal unapplied = pay(customer, "1234.25", invoice);

        assertThat(postings(invoice, PostingKind.DISCOUNT)).containsExactly(new BigDecimal("-24.6900"));
        assertThat(unapplied).isEqualByComparingTo("24.69");
    }

    @Test
    void tieredTermsGiveSecondTierLater() {
        Customer customer = registerOnTerms("net 30");
        Invoice invoice = issue(customer, "1000.00", today.minusDays(10), "2/7 1/14 net 30");

        pay(customer, "990.00", invoice);

        assertThat(invoices.findByNumber(invoice.invoiceNumber()).orElseThrow().status())
                .isEqualTo(InvoiceStatus.PAID);
        assertThat(postings(invoice, PostingKind.DISCOUNT)).containsExactly(new BigDecimal("-10.0000"));
    }

    @Test
    void tieredTermsFirstTierNeedsItsAmount() {
        Customer customer = registerOnTerms("net 30");
        Invoice first = issue(customer, "1000.00", today.minusDays(7), "2/7 1/14 net 30");
        Invoice later = issue(customer, "1000.00", today.minusDays(8), "2/7 1/14 net 30");

        pay(customer, "980.00", first);
        pay(customer, "980.00", later);

        assertThat(postings(first, PostingKind.DISCOUNT)).containsExactly(new BigDecimal("-20.0000"));
        assertThat(postings(later, PostingKind.DISCOUNT)).isEmpty();
        assertThat(ledger.invoiceBalance(later.id())).isEqualByComparingTo("20.00");
    }

    @Test
    void explicitAllocationEarnsDiscount() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "1234.25", today.minusDays(2), null);

        payments.record(new PaymentRequest(customer.externalId(), new BigDecimal("1209.56"), "EUR",
                PaymentMethod.BANK_TRANSFER, today, "transfer", List.of(new PaymentRequest.Allocation(
                        invoice.invoiceNumber(), new BigDecimal("1209.56")))), null);

        assertThat(invoices.findByNumber(invoice.invoiceNumber()).orElseThrow().status())
                .isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void invoiceTermsOverrideCustomerTerms() {
        Customer customer = registerOnTerms("2/10 net 30");
        Invoice invoice = issue(customer, "500.00", today, "net 45");

        InvoiceTerms terms = discounts.terms(invoice).orElseThrow();

        assertThat(terms.paymentTerms()).isEqualTo("net 45");
        assertThat(terms.source()).isEqualTo("INVOICE");
        assertThat(terms.discountOutcome()).isEqualTo("NONE");
        assertThat(invoice.dueDate()).isEqualTo(today.plusDays(45));
    }

    @Test
    void emailStatesDiscountedAmountAndLastDay() {
        Customer customer = registerOnTerms("2/10 net 30");
        String invoiceNumber = "DSC-" + UUID.randomUUID().toString().substring(0, 18);
        invoices.submit(draft(invoiceNumber, "1234.25", today, null), customer, true, "API");
        String lastDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("en-IE"))
                .format(today.plusDays(10));

        String body = jdbc.sql("select body from outbox_message where invoice_number = ?").param(invoiceNumber)
                .query(String.class).single();

        assertThat(body).contains("\nEarly-payment discount: pay €1,209.56 by " + lastDay + " and save 2 %.\n");
    }

    @Test
    void emailWithoutDiscountKeepsLayout() {
        Customer customer = registerOnTerms("net 30");
        String invoiceNumber = "DSC-" + UUID.randomUUID().toString().substring(0, 18);
        invoices.submit(draft(invoiceNumber, "100.00", today, null), customer, true, "API");

        String body = jdbc.sql("select body from outbox_message where invoice_number = ?").param(invoiceNumber)
                .query(String.class).single();

        assertThat(body).contains("Reference:  " + invoiceNumber + "\n\nHow to pay:");
    }

    private Customer registerOnTerms(String terms) {
        String externalId = "EPD-" + UUID.randomUUID();
        CustomerDetails details = new CustomerDetails(externalId, "Discount " + externalId.substring(4, 12),
                "ap@example.com", null, "IE", "en-IE", null, "EUR", terms,
                new CreditApplicationRequest(new BigDecimal("20000"), null, 6, 90));
        return customers.register(details).customer();
    }

    private Invoice issue(Customer customer, String amount, LocalDate issueDate, String terms) {
        String invoiceNumber = "DSC-" + UUID.randomUUID().toString().substring(0, 18);
        return invoices.submit(draft(invoiceNumber, amount, issueDate, terms), customer, false, "API").invoice();
    }

    private static InvoiceDraft draft(String invoiceNumber, String amount, LocalDate issueDate, String terms) {
        return new InvoiceDraft(invoiceNumber, "EUR", issueDate, null, null, null,
                List.of(new InvoiceDraft.LineDraft(null, null, "Widgets", BigDecimal.ONE, new BigDecimal(amount),
                        null, BigDecimal.ZERO)), terms);
    }

    /** Pays the invoice by naming it in the reference and returns the payment's unapplied amount. */
    private BigDecimal pay(Customer customer, String amount, Invoice invoice) {
        return payments.record(new PaymentRequest(customer.externalId(), new BigDecimal(amount), "EUR",
                PaymentMethod.BANK_TRANSFER, today, "Payment " + invoice.invoiceNumber(), List.of()), null)
                .payment().unapplied().amount();
    }

    private List<BigDecimal> postings(Invoice invoice, PostingKind kind) {
        return ledger.invoicePostings(invoice.id()).stream().filter(posting -> posting.kind() == kind)
                .map(Posting::amount).toList();
    }
}
