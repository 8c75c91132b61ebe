package org.arflow.rules.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.arflow.customer.credit.CreditApplication;
import org.arflow.customer.credit.CreditDecision;
import org.arflow.customer.credit.CreditExposure;
import org.arflow.customer.credit.CreditScore;
import org.arflow.customer.credit.CreditTerms;

/**
 * {@code rules/credit-policy.drl} written in plain Java, as the benchmark's baseline. It must decide every
 * documented case as the rules do, which {@code PlainPolicyAgreementTest} checks.
 */
final class PlainCreditPolicy {

    private final Map<String, String> countryGrades;

    PlainCreditPolicy(Map<String, String> countryGrades) {
        this.countryGrades = Map.copyOf(countryGrades);
    }

    void grant(CreditApplication application, List<CreditScore> scores, CreditTerms terms) {
        String grade = countryGrades.getOrDefault(application.country(), "HIGH");
        boolean anyBelow40 = scores.stream().anyMatch(score -> score.value() < 40);
        boolean allAtLeast80 = scores.stream().allMatch(score -> score.value() >= 80);
        boolean allAtLeast60 = scores.stream().allMatch(score -> score.value() >= 60);
        int years = application.yearsTrading();
        if (anyBelow40) {
            terms.grant("D", BigDecimal.ZERO, "net 0", "LOW_SCORE");
        } else if (grade.equals("HIGH") && years < 2) {
            terms.grant("D", BigDecimal.ZERO, "net 0", "HIGH_RISK_COUNTRY");
        } else if (years >= 5 && !scores.isEmpty() && allAtLeast80 && grade.equals("LOW")) {
            terms.grant("A", application.limitUpTo(new BigDecimal("50000")), application.termsOr("net 30"),
                    "STRONG_PROFILE");
        } else if (years >= 2 && allAtLeast60 && !grade.equals("HIGH")) {
            terms.grant("B", application.limitUpTo(new BigDecimal("20000")), application.termsOr("net 30"),
                    "SOUND_PROFILE");
        } else {
            terms.grant("C", application.limitUpTo(new BigDecimal("5000")), "net 14", "LIMITED_HISTORY");
        }
    }

    void decide(CreditExposure exposure, CreditDecision decision) {
        if (exposure.onHold()) {
            decision.hold("ALREADY_ON_HOLD");
        }
        if (exposure.sameCurrency() && exposure.exposure().compareTo(exposure.creditLimit()) > 0) {
            decision.hold("OVER_LIMIT");
        }
        if (exposure.oldestDaysPastDue() > 60) {
            decision.hold("SEVERELY_OVERDUE");
        }
        if (exposure.brokenPromises() >= 2) {
            decision.hold("BROKEN_PROMISES");
        }
        if (exposure.sameCurrency() && exposure.percentOfLimit() > 90) {
            decision.review("NEAR_LIMIT");
        }
        if (exposure.oldestDaysPastDue() > 30) {
            decision.review("OVERDUE_BALANCE");
        }
        if (!exposure.sameCurrency()) {
            decision.review("OTHER_CURRENCY");
        }
        decision.approve("WITHIN_LIMIT");
    }
}
