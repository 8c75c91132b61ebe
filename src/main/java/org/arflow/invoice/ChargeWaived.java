package org.arflow.invoice;

import java.math.BigDecimal;

/** A fee or interest charged to an invoice was waived by a recorded decision. */
public record ChargeWaived(String invoiceNumber, String kind, BigDecimal amount, String reason, String decidedBy) {
}
