package org.arflow.dispute;

import java.math.BigDecimal;

/** The facts the dispute-routing rules decide from. */
public final class DisputeRoutingFacts {

    private final String reasonCode;
    private final BigDecimal amount;
    private final String currency;

    public DisputeRoutingFacts(String reasonCode, BigDecimal amount, String currency) {
        this.reasonCode = reasonCode;
        this.amount = amount;
        this.currency = currency;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }
}
