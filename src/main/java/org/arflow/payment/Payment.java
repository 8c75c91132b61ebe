package org.arflow.payment;

import java.time.LocalDate;
import java.util.List;
import org.arflow.money.Money;

/**
 * A recorded payment and where it went.
 *
 * @param unapplied the part not allocated to any invoice, held as customer credit; zero once reversed
 * @param reversedOn the date the payment came back and its allocations were reversed, or {@code null}
 */
public record Payment(
        long id,
        String customer,
        Money amount,
        PaymentMethod method,
        LocalDate receivedDate,
        String reference,
        List<AllocatedAmount> allocations,
        Money unapplied,
        LocalDate reversedOn,
        String reversalReason) {

    /** An amount applied to one invoice, and the invoice's open balance after it. */
    public record AllocatedAmount(String invoiceNumber, Money amount, Money openBalanceAfter) {
    }
}
