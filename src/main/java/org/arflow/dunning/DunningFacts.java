package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the dunning policy decides from: the state of one collection case today. Amounts are in the case's
 * currency and leave out every amount under an open dispute.
 *
 * @param oldestDueDate the due date of the oldest overdue invoice with something left to chase, or
 *     {@code null} when there is none; every step date is counted from it
 * @param lastStepOn the day the last step was carried out, or {@code null} before the first
 * @param lastCallOutcome the outcome of the last phone call, such as NO_ANSWER, or {@code null}
 * @param callAttempts the calls made at the current level
 * @param promiseDueOn the promised date plus grace of the open promise to pay, or {@code null}
 * @param promiseJustBroken whether a promise was found broken in this evaluation, which escalates at once
 * @param resumedOn the day the latest dispute on the case's invoices was resolved, or {@code null}: dunning
 *     resumes from that day instead of catching up on the steps it skipped meanwhile
 */
public record DunningFacts(
        long caseId,
        String currency,
        LocalDate today,
        LocalDate oldestDueDate,
        BigDecimal overdueAmount,
        BigDecimal disputedAmount,
        int dunningLevel,
        LocalDate lastStepOn,
        String lastCallOutcome,
        int callAttempts,
        boolean paused,
        boolean insolvent,
        boolean consumer,
        LocalDate promiseDueOn,
        boolean promiseJustBroken,
        LocalDate resumedOn) {

    /**
     * Returns the earliest day the next step may fall on: at least {@code minimumGapDays} after the last
     * step, and not before dunning resumed after a dispute. A long pause or dispute therefore never releases
     * a burst of overdue steps at once.
     */
    public LocalDate notBefore(int minimumGapDays) {
        LocalDate earliest = lastStepOn == null ? null : lastStepOn.plusDays(minimumGapDays);
        if (resumedOn != null && (earliest == null || resumedOn.isAfter(earliest))) {
            earliest = resumedOn;
        }
        return earliest;
    }

    /** Returns the days the oldest chased invoice is past due, 0 when nothing is overdue. */
    public long getDaysPastDue() {
        return oldestDueDate == null ? 0 : ChronoUnit.DAYS.between(oldestDueDate, today);
    }

    public boolean isSomethingOverdue() {
        return oldestDueDate != null && overdueAmount.signum() > 0;
    }

    public LocalDate getOldestDueDate() {
        return oldestDueDate;
    }

    public BigDecimal getOverdueAmount() {
        return overdueAmount;
    }

    public BigDecimal getDisputedAmount() {
        return disputedAmount;
    }

    public int getDunningLevel() {
        return dunningLevel;
    }

    public LocalDate getLastStepOn() {
        return lastStepOn;
    }

    public String getLastCallOutcome() {
        return lastCallOutcome;
    }

    public int getCallAttempts() {
        return callAttempts;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isInsolvent() {
        return insolvent;
    }

    public boolean isConsumer() {
        return consumer;
    }

    public LocalDate getPromiseDueOn() {
        return promiseDueOn;
    }

    public boolean isPromiseJustBroken() {
        return promiseJustBroken;
    }

    public LocalDate getToday() {
        return today;
    }
}
