package org.arflow.dunning.latepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Consecutive days of late-payment interest that share one rate: for the EU directive one half-year, for
 * the UK act and contract rates the whole charge. The rules set the rate.
 *
 * @param from the first day of interest, inclusive
 * @param to the last day of interest, inclusive
 */
public final class InterestPeriod {

    private final LocalDate from;
    private final LocalDate to;
    private final BigDecimal principal;
    private BigDecimal ratePercent;

    public InterestPeriod(LocalDate from, LocalDate to) {
        this(from, to, null);
    }

    /** @param principal what was owed on each day of the period, or {@code null} to use the charge's principal */
    public InterestPeriod(LocalDate from, LocalDate to, BigDecimal principal) {
        this.from = from;
        this.to = to;
        this.principal = principal;
    }

    public BigDecimal getPrincipal() {
        return principal;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    /** Returns 1 January or 1 July of the half-year the period lies in, the EU directive's reference date. */
    public LocalDate getHalfYearStart() {
        return LocalDate.of(from.getYear(), from.getMonthValue() <= 6 ? 1 : 7, 1);
    }

    public long getDays() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public BigDecimal getRatePercent() {
        return ratePercent;
    }

    public void setRatePercent(BigDecimal ratePercent) {
        this.ratePercent = ratePercent;
    }

    @Override
    public String toString() {
        return from + ".." + to + (principal == null ? "" : " on " + principal.toPlainString()) + " at "
                + ratePercent + "%";
    }
}
