package org.arflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment as the API receives it.
 *
 * @param customer the customer's external id
 * @param allocations how to apply the payment; when empty, it goes to the invoices named in the reference
 */
public record PaymentRequest(
        String customer,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        LocalDate receivedDate,
        String reference,
        List<Allocation> allocations) {

    /** A part of the payment applied to one invoice. */
    public record Allocation(String invoiceNumber, BigDecimal amount) {
    }
}
