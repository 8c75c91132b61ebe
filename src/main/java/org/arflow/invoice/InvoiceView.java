package org.arflow.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.arflow.customer.Customer;
import org.arflow.money.Money;

/**
 * An invoice as the API returns it.
 *
 * @param customer the customer's external id
 * @param processInstanceId the running invoice-to-cash instance, or {@code null} once it has ended
 */
record InvoiceView(
        String invoiceNumber,
        String customer,
        String customerName,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        String reference,
        BigDecimal netAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        BigDecimal openBalance,
        InvoiceStatus status,
        LocalDate overdueOn,
        LocalDate settledOn,
        Settlement settlement,
        boolean sendInvoice,
        String source,
        List<LineView> lines,
        String processInstanceId) {

    record LineView(int lineNumber, String itemCode, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal netAmount, BigDecimal taxAmount) {
    }

    static InvoiceView of(Invoice invoice, Customer customer, BigDecimal openBalance, List<InvoiceLine> lines,
            String processInstanceId) {
        List<LineView> lineViews = lines.stream()
                .map(line -> new LineView(line.lineNumber(), line.itemCode(), line.description(),
                        line.quantity().stripTrailingZeros(), line.unitPrice().stripTrailingZeros(),
                        line.discountPercent() == null ? null : line.discountPercent().stripTrailingZeros(),
                        scaled(line.netAmount(), invoice), scaled(line.taxAmount(), invoice)))
                .toList();
        return new InvoiceView(invoice.invoiceNumber(), customer.externalId(), customer.name(),
                invoice.currency().getCurrencyCode(), invoice.issueDate(), invoice.dueDate(), invoice.reference(),
                scaled(invoice.netAmount(), invoice), scaled(invoice.taxAmount(), invoice),
                scaled(invoice.totalAmount(), invoice), scaled(openBalance, invoice), invoice.status(),
                invoice.overdueOn(), invoice.settledOn(), invoice.settlement(), invoice.sendInvoice(),
                invoice.source(), lineViews, processInstanceId);
    }

    static BigDecimal scaled(BigDecimal amount, Invoice invoice) {
        return Money.exact(amount, invoice.currency()).amount();
    }
}
