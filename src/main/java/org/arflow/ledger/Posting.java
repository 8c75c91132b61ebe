package org.arflow.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An immutable ledger entry. {@code amount} is signed: positive raises what the customer owes.
 *
 * @param reversesId the posting this one cancels, or {@code null}
 */
public record Posting(
        long id,
        long customerId,
        Long invoiceId,
        Long paymentId,
        Long reversesId,
        PostingKind kind,
        BigDecimal amount,
        String currency,
        LocalDate postingDate) {
}
