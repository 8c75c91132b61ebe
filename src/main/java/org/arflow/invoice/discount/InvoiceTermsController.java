package org.arflow.invoice.discount;

import org.arflow.error.RejectedException;
import org.arflow.invoice.Invoice;
import org.arflow.invoice.InvoiceService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The payment terms and early-payment discounts an invoice was issued on. */
@RestController
class InvoiceTermsController {

    private final InvoiceService invoices;
    private final EarlyPaymentDiscounts discounts;

    InvoiceTermsController(InvoiceService invoices, EarlyPaymentDiscounts discounts) {
        this.invoices = invoices;
        this.discounts = discounts;
    }

    @GetMapping("/api/invoices/{invoiceNumber}/terms")
    InvoiceTerms get(@PathVariable String invoiceNumber) {
        Invoice invoice = invoices.findByNumber(invoiceNumber).orElseThrow(() -> RejectedException.notFound(
                "invoice-not-found", "No invoice has the number '" + invoiceNumber + "'"));
        return discounts.terms(invoice).orElseThrow(() -> RejectedException.notFound("invoice-terms-not-found",
                "Invoice '" + invoiceNumber + "' was issued before payment terms were recorded"));
    }
}
