package org.arflow.dunning.latepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.arflow.rules.Evaluation;
import org.arflow.rules.RuleEngine;
import org.springframework.stereotype.Component;

/** Runs the late-payment rules for one invoice and computes the interest they imply. */
@Component
public class LatePaymentRules {

    private final RuleEngine engine;

    LatePaymentRules(RuleEngine engine) {
        this.engine = engine;
    }

    /**
     * The decision for one invoice.
     *
     * @param interest actual/365 simple interest over the periods, rounded once to the minor unit
     */
    public record Result(LateCharge charge, List<InterestPeriod> periods, BigDecimal interest,
            Evaluation evaluation) {
    }

    public Result decide(LateChargeFacts facts, int minorUnit) {
        List<InterestPeriod> periods = halfYears(facts.getInterestFrom(), facts.getInterestTo());
        LateCharge charge = new LateCharge();
        List<Object> input = new ArrayList<>(List.of(facts, charge));
        input.addAll(periods);
        Evaluation evaluation = engine.evaluate(input);
        BigDecimal interest = periods.isEmpty() ? BigDecimal.ZERO.setScale(minorUnit)
                : charge.interest(facts.getPrincipal(), periods, minorUnit);
        return new Result(charge, periods, interest, evaluation);
    }

    /** Splits the days from {@code from} to {@code to}, both inclusive, at every 1 January and 1 July. */
    static List<InterestPeriod> halfYears(LocalDate from, LocalDate to) {
        List<InterestPeriod> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate nextHalfYear = start.getMonthValue() <= 6 ? LocalDate.of(start.getYear(), 7, 1)
                    : LocalDate.of(start.getYear() + 1, 1, 1);
            LocalDate end = nextHalfYear.minusDays(1).isBefore(to) ? nextHalfYear.minusDays(1) : to;
            periods.add(new InterestPeriod(start, end));
            start = end.plusDays(1);
        }
        return periods;
    }
}
