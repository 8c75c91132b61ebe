package org.arflow.payment;

import java.time.LocalDate;
import java.util.List;
import org.arflow.money.Money;

/**
 * A recorded payment and where it went.
 *
 * @param unapplied the part not allocated to any invoice, held as customer credit
 */
public record Payment(
        long id,
        String customer,
        Money amount,
        PaymentMethod method,
        LocalDate receivedDate,
        String reference,
        List<AllocatedAmount> allocations,
        Money unapplied) {

    /** An amount applied to one invoice, and the invoice's open balance after it. */
    public record AllocatedAmount(String invoiceNumber, Money amount, Money openBalanceAfter) {
    }
}
