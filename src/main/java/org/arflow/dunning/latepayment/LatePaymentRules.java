package org.arflow.dunning.latepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
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
        return decide(facts, minorUnit, new TreeMap<>());
    }

    /**
     * Decides the charge when the principal changed during the interest period, such as after a part
     * payment: {@code principalFrom} maps the first day of each new principal to that principal.
     */
    public Result decide(LateChargeFacts facts, int minorUnit, NavigableMap<LocalDate, BigDecimal> principalFrom) {
        List<InterestPeriod> periods = split(halfYears(facts.getInterestFrom(), facts.getInterestTo()), facts,
                principalFrom);
        LateCharge charge = new LateCharge();
        List<Object> input = new ArrayList<>(List.of(facts, charge));
        input.addAll(periods);
        Evaluation evaluation = engine.evaluate(input);
        BigDecimal interest = periods.isEmpty() ? BigDecimal.ZERO.setScale(minorUnit)
                : charge.interest(facts.getPrincipal(), periods, minorUnit);
        return new Result(charge, periods, interest, evaluation);
    }

    private static List<InterestPeriod> split(List<InterestPeriod> halfYears, LateChargeFacts facts,
            NavigableMap<LocalDate, BigDecimal> principalFrom) {
        if (principalFrom.isEmpty()) {
            return halfYears;
        }
        List<InterestPeriod> periods = new ArrayList<>();
        for (InterestPeriod halfYear : halfYears) {
            LocalDate start = halfYear.getFrom();
            while (!start.isAfter(halfYear.getTo())) {
                LocalDate nextChange = principalFrom.higherKey(start);
                LocalDate end = nextChange == null || nextChange.isAfter(halfYear.getTo()) ? halfYear.getTo()
                        : nextChange.minusDays(1);
                var current = principalFrom.floorEntry(start);
                BigDecimal principal = current == null ? facts.getPrincipal() : current.getValue();
                periods.add(new InterestPeriod(start, end, principal));
                start = end.plusDays(1);
            }
        }
        return periods;
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
