package org.arflow.invoice;

/** The status of an invoice. OVERDUE starts on the day after the due date. */
public enum InvoiceStatus {
    ISSUED,
    OVERDUE,
    PAID,
    CREDITED,
    WRITTEN_OFF;

    public boolean isOpen() {
        return this == ISSUED || this == OVERDUE;
    }
}
