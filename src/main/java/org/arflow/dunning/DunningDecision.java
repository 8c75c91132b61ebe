package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The output of the dunning policy for one case. Rules propose, and the strongest proposal is kept: closing
 * the case beats holding it, holding beats waiting, and waiting beats a step. Among steps the first
 * proposal is kept, so exactly one ladder rule should match a level.
 */
public final class DunningDecision {

    /** What the case does next. */
    public enum Action {
        STEP,
        WAIT,
        HOLD,
        CLOSE
    }

    private Action action;
    private String reasonCode;
    private DunningStep step;
    private int level;
    private LocalDate dueOn;
    private BigDecimal flatFee = BigDecimal.ZERO;
    private LocalTime sendFrom = LocalTime.of(9, 0);
    private LocalTime sendUntil = LocalTime.of(17, 0);
    private LocalDate escalateOn;
    private String escalationReason;

    /**
     * Proposes the ladder step for a level, due {@code days} after the oldest overdue due date, or later if
     * {@code notBefore} is later.
     */
    public void step(int level, String step, LocalDate oldestDueDate, int days, LocalDate notBefore,
            String reasonCode) {
        LocalDate anchored = oldestDueDate.plusDays(days);
        LocalDate due = notBefore != null && notBefore.isAfter(anchored) ? notBefore : anchored;
        if (propose(Action.STEP, reasonCode)) {
            this.step = DunningStep.valueOf(step);
            this.level = level;
            this.dueOn = due;
            applyEscalation();
        }
    }

    /**
     * Brings the step forward to today, for an escalation that must not wait. Rules may call it before or
     * after the ladder rule proposes the step; the step is moved either way.
     */
    public void escalateNow(LocalDate today, String reasonCode) {
        this.escalateOn = today;
        this.escalationReason = reasonCode;
        applyEscalation();
    }

    private void applyEscalation() {
        if (action == Action.STEP && escalateOn != null && dueOn.isAfter(escalateOn)) {
            this.dueOn = escalateOn;
            this.reasonCode = escalationReason;
        }
    }

    public void waitUntil(LocalDate date, String reasonCode) {
        if (propose(Action.WAIT, reasonCode)) {
            this.dueOn = date;
            this.step = null;
        }
    }

    /** Stops automatic steps until something about the case changes. */
    public void hold(String reasonCode) {
        if (propose(Action.HOLD, reasonCode)) {
            this.step = null;
            this.dueOn = null;
        }
    }

    public void close(String reasonCode) {
        if (propose(Action.CLOSE, reasonCode)) {
            this.step = null;
            this.dueOn = null;
        }
    }

    /** Adds a flat fee, in the case's currency, to the step proposed. */
    public void fee(BigDecimal amount) {
        this.flatFee = amount;
    }

    /** Sets the hours, in the customer's time zone, within which messages go out on business days. */
    public void sendingHours(String from, String until) {
        this.sendFrom = LocalTime.parse(from);
        this.sendUntil = LocalTime.parse(until);
    }

    private boolean propose(Action proposed, String reason) {
        if (action != null && proposed.compareTo(action) <= 0) {
            return false;
        }
        action = proposed;
        reasonCode = reason;
        return true;
    }

    public Action getAction() {
        return action;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public DunningStep getStep() {
        return step;
    }

    public int getLevel() {
        return level;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public BigDecimal getFlatFee() {
        return flatFee;
    }

    public LocalTime getSendFrom() {
        return sendFrom;
    }

    public LocalTime getSendUntil() {
        return sendUntil;
    }
}
