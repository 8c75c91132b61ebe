package org.arflow.invoice;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.invoice.discount.EarlyPaymentDiscounts;
import org.arflow.notification.Channel;
import org.arflow.notification.MessageTemplates;
import org.arflow.notification.Outbox;
import org.arflow.notification.OutgoingMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The {@code sendInvoiceEmail} step: renders the invoice e-mail in the customer's language and queues it in
 * the outbox under the key {@code invoice/<number>/issue/email}. An invoice already past due gets the
 * wording that requests payment now. Queuing is a database write in the step's
 * transaction, so the step needs no async continuation; the outbox dispatcher does the sending.
 */
@Component("sendInvoiceEmail")
class SendInvoiceEmailDelegate implements JavaDelegate {

    static final String TEMPLATE = "invoice-issued";
    static final String PAST_DUE_TEMPLATE = "invoice-past-due";

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final CompanyProperties company;
    private final EarlyPaymentDiscounts discounts;

    SendInvoiceEmailDelegate(InvoiceService invoices, CustomerService customers, MessageTemplates templates,
            Outbox outbox, CompanyProperties company, EarlyPaymentDiscounts discounts) {
        this.invoices = invoices;
        this.customers = customers;
        this.templates = templates;
        this.outbox = outbox;
        this.company = company;
        this.discounts = discounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice invoice = invoices.requireByNumber(execution.getProcessBusinessKey());
        Customer customer = customers.findById(invoice.customerId()).orElseThrow();
        if (customer.billingEmail() == null) {
            throw new IllegalStateException("Customer " + customer.externalId() + " has no billing e-mail, so "
                    + "invoice " + invoice.invoiceNumber() + " cannot be sent; add one and retry the job");
        }
        boolean pastDue = Boolean.TRUE.equals(execution.getVariable(InvoiceToCashProcess.ALREADY_OVERDUE));
        MessageTemplates.Rendered message = templates.render(pastDue ? PAST_DUE_TEMPLATE : TEMPLATE,
                customer.locale(), values(invoice, customer));
        outbox.enqueue(new OutgoingMessage("invoice/" + invoice.invoiceNumber() + "/issue/email", Channel.EMAIL,
                customer.billingEmail(), message.subject(), message.body(), customer.id(), invoice.invoiceNumber(),
                execution.getProcessInstanceId()));
    }

    private Map<String, String> values(Invoice invoice, Customer customer) {
        Locale locale = templates.formattingLocale(TEMPLATE, customer.locale());
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(invoice.currency());
        money.setMinimumFractionDigits(invoice.currency().getDefaultFractionDigits());
        money.setMaximumFractionDigits(invoice.currency().getDefaultFractionDigits());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return Map.of(
                "invoiceNumber", invoice.invoiceNumber(),
                "customerName", customer.name(),
                "companyName", company.name(),
                "issueDate", date.format(invoice.issueDate()),
                "dueDate", date.format(invoice.dueDate()),
                "totalAmount", money.format(invoice.totalAmount()),
                "paymentInstructions", company.paymentInstructions(),
                "earlyPaymentDiscount", discounts.emailText(invoice, locale, money, date));
    }
}
