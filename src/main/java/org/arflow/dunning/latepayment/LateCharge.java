package org.arflow.dunning.latepayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The output of a late-payment decision: the regime that applies, the interest rate of each period and the
 * fixed compensation. The rules fill it in; {@link #interest} computes the amount.
 */
public final class LateCharge {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private String regime;
    private String reasonCode;
    private BigDecimal wholePeriodRate;
    private BigDecimal compensation = BigDecimal.ZERO;

    /**
     * Sets the regime. Rules change it inside {@code modify}, so that the rules that depend on the regime see
     * the change; the rules test {@code regime == null}, so the first regime set stays.
     */
    public void setRegime(String regime) {
        this.regime = regime;
    }

    public void setReasonCode(String reasonCode) {
        this.reasonCode = reasonCode;
    }

    /** Sets one annual rate in percent for every period, as the UK act and contract rates do. */
    public void setWholePeriodRate(BigDecimal ratePercent) {
        this.wholePeriodRate = ratePercent;
    }

    public BigDecimal getWholePeriodRate() {
        return wholePeriodRate;
    }

    public void compensation(BigDecimal amount) {
        this.compensation = amount;
    }

    public String getRegime() {
        return regime;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public BigDecimal getCompensation() {
        return compensation;
    }

    /**
     * Returns actual/365 simple interest over the periods, each on its own principal where it has one, summed
     * and rounded HALF_UP once to the currency's minor unit.
     *
     * @throws IllegalStateException when a period has no rate, so that a missing rate is never charged as 0
     */
    public BigDecimal interest(BigDecimal principal, List<InterestPeriod> periods, int minorUnit) {
        BigDecimal total = BigDecimal.ZERO;
        for (InterestPeriod period : periods) {
            BigDecimal rate = wholePeriodRate != null ? wholePeriodRate : period.getRatePercent();
            if (rate == null) {
                throw new IllegalStateException("No interest rate for " + period + " under " + regime
                        + "; add the reference rate to rules/reference-rates.csv");
            }
            period.setRatePercent(rate);
            BigDecimal owed = period.getPrincipal() == null ? principal : period.getPrincipal();
            total = total.add(owed.multiply(rate).multiply(BigDecimal.valueOf(period.getDays())));
        }
        return total.divide(HUNDRED.multiply(DAYS_PER_YEAR), minorUnit, RoundingMode.HALF_UP);
    }
}
