package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A credit manager's review of a held or referred invoice.
 *
 * @param outcome what the credit policy decided, HOLD or REVIEW
 * @param resolution RAISE_LIMIT, KEEP_HOLD or RELEASE_ONCE
 * @param newCreditLimit the raised limit, for RAISE_LIMIT only
 */
public record CreditReview(
        long customerId,
        String invoiceNumber,
        String outcome,
        String reasonCode,
        Long decisionId,
        String processInstanceId,
        OffsetDateTime openedAt,
        String resolution,
        BigDecimal newCreditLimit,
        String resolvedBy,
        String comment,
        OffsetDateTime resolvedAt) {
}
