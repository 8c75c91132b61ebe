package org.arflow.invoice;

import org.arflow.ledger.PostingKind;

/** The way an invoice's balance reached zero. The invoice-to-cash process ends at the matching end event. */
public enum Settlement {
    PAID(InvoiceStatus.PAID),
    CREDITED(InvoiceStatus.CREDITED),
    WRITTEN_OFF(InvoiceStatus.WRITTEN_OFF);

    private final InvoiceStatus status;

    Settlement(InvoiceStatus status) {
        this.status = status;
    }

    public InvoiceStatus status() {
        return status;
    }

    /** Returns the settlement named by the posting that brought the balance to zero. */
    static Settlement causedBy(PostingKind lastPosting) {
        return switch (lastPosting) {
            case CREDIT_NOTE -> CREDITED;
            case WRITE_OFF -> WRITTEN_OFF;
            default -> PAID;
        };
    }
}
