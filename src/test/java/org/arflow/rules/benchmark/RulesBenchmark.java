package org.arflow.rules.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.arflow.customer.credit.CreditApplication;
import org.arflow.customer.credit.CreditDecision;
import org.arflow.customer.credit.CreditExposure;
import org.arflow.customer.credit.CreditScore;
import org.arflow.customer.credit.CreditTerms;
import org.arflow.invoice.discount.DiscountDecision;
import org.arflow.invoice.discount.DiscountRequest;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.TestRuleEngines;

/**
 * Times one credit decision and one discount decision through the rule engine (a new stateless session, the
 * firing recorder and the loop limit, as in production) against the same policies in plain Java, in one run
 * on one thread. Prints decisions per second and the ratio. Run with {@code ./mvnw -Pbenchmark test}.
 */
public final class RulesBenchmark {

    private static final long WARM_UP_NANOS = seconds("arflow.benchmark.warmUpSeconds", 5);
    private static final long ITERATION_NANOS = seconds("arflow.benchmark.iterationSeconds", 2);
    private static final int ITERATIONS = Integer.getInteger("arflow.benchmark.iterations", 5);

    /** Written by every decision, so the JIT cannot drop the work. */
    private static volatile int sink;

    private RulesBenchmark() {
    }

    public static void main(String[] args) {
        RuleEngine engine = TestRuleEngines.loaded();
        PlainCreditPolicy plainCredit = new PlainCreditPolicy(
                BenchmarkCases.countryGrades(TestRuleEngines.RULE_FOLDER));
        PlainDiscountPolicy plainDiscount = new PlainDiscountPolicy();
        List<CreditApplication> applications = BenchmarkCases.applications();
        List<CreditExposure> exposures = BenchmarkCases.exposures();
        List<DiscountRequest> requests = BenchmarkCases.discountRequests();

        System.out.printf(Locale.ROOT, "Rules benchmark: %d x %d s after %d s warm-up, one thread, %s %s%n",
                ITERATIONS, ITERATION_NANOS / 1_000_000_000L, WARM_UP_NANOS / 1_000_000_000L,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-26s %16s %16s %8s%n", "decision", "Drools per s", "plain Java per s",
                "ratio");
        compare("invoice credit check", index -> {
            CreditDecision decision = new CreditDecision();
            engine.evaluate(List.of(exposures.get(index), decision));
            sink += decision.getReasonCode().length();
        }, index -> {
            CreditDecision decision = new CreditDecision();
            plainCredit.decide(exposures.get(index), decision);
            sink += decision.getReasonCode().length();
        });
        compare("early-payment discount", index -> {
            DiscountDecision decision = new DiscountDecision();
            engine.evaluate(List.of(requests.get(index), decision));
            sink += decision.getReasonCode().length();
        }, index -> {
            DiscountDecision decision = new DiscountDecision();
            plainDiscount.decide(requests.get(index), decision);
            sink += decision.getReasonCode().length();
        });
        compare("credit application", index -> {
            CreditTerms terms = new CreditTerms();
            CreditScore score = new CreditScore("bench", BenchmarkCases.score(index));
            engine.evaluate(List.of(applications.get(index), score, terms));
            sink += terms.getReasonCode().length();
        }, index -> {
            CreditTerms terms = new CreditTerms();
            plainCredit.grant(applications.get(index), List.of(new CreditScore("bench", BenchmarkCases.score(index))),
                    terms);
            sink += terms.getReasonCode().length();
        });
    }

    private static void compare(String name, IntConsumer drools, IntConsumer plain) {
        run(drools, WARM_UP_NANOS);
        run(plain, WARM_UP_NANOS);
        double[] droolsRates = new double[ITERATIONS];
        double[] plainRates = new double[ITERATIONS];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            droolsRates[iteration] = run(drools, ITERATION_NANOS);
            plainRates[iteration] = run(plain, ITERATION_NANOS);
        }
        double droolsMedian = median(droolsRates);
        double plainMedian = median(plainRates);
        System.out.printf(Locale.ROOT, "%-26s %16.0f %16.0f %7.0fx   (Drools %.0f-%.0f, plain %.0f-%.0f per s)%n",
                name, droolsMedian, plainMedian, plainMedian / droolsMedian, min(droolsRates), max(droolsRates),
                min(plainRates), max(plainRates));
    }

    /** Runs decisions for about {@code nanos} and returns decisions per second. */
    private static double run(IntConsumer decision, long nanos) {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long count = 0;
        long now;
        do {
            for (int index = 0; index < BenchmarkCases.COUNT; index++) {
                decision.accept(index);
            }
            count += BenchmarkCases.COUNT;
            now = System.nanoTime();
        } while (now < deadline);
        return count * 1e9 / (now - start);
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] rates) {
        return Arrays.stream(rates).min().orElseThrow();
    }

    private static double max(double[] rates) {
        return Arrays.stream(rates).max().orElseThrow();
    }

    private static long seconds(String property, int fallback) {
        return Integer.getInteger(property, fallback) * 1_000_000_000L;
    }
}
