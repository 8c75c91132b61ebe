package org.arflow.ledger;

/** The kind of a ledger posting, which fixes the sign of its amount. */
public enum PostingKind {
    /** The invoice total, raising the customer's balance. */
    INVOICE(1),
    /** Part of a payment applied to an invoice. */
    PAYMENT_ALLOCATION(-1),
    CREDIT_NOTE(-1),
    /** An early-payment discount the customer was entitled to take. */
    DISCOUNT(-1),
    WRITE_OFF(-1),
    FEE(1),
    INTEREST(1),
    /** A fee or interest waived by a recorded decision. */
    WAIVER(-1);

    private final int sign;

    PostingKind(int sign) {
        this.sign = sign;
    }

    /** Returns +1 when a posting of this kind raises what the customer owes, -1 when it lowers it. */
    public int sign() {
        return sign;
    }
}
