package org.arflow.dispute;

import java.math.BigDecimal;

/** A dispute was resolved: credited, corrected by a new invoice, or rejected. */
public record DisputeResolved(long disputeId, String invoiceNumber, long customerId, String currency,
        String outcome, BigDecimal creditedAmount) {
}
