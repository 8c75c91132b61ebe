package org.arflow.dispute;

import java.math.BigDecimal;

/** A customer disputed part or all of an invoice. */
public record DisputeOpened(long disputeId, String invoiceNumber, long customerId, String reasonCode,
        BigDecimal amount, String currency) {
}
