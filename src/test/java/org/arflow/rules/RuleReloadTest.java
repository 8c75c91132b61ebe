package org.arflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.arflow.customer.credit.CreditApplication;
import org.arflow.customer.credit.CreditTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the rule folder: a valid change is swapped in atomically, an invalid one leaves the rules in force. */
class RuleReloadTest {

    private static final String CLASS_C_LIMIT = "limitUpTo(new BigDecimal(\"5000\"))";

    @TempDir
    Path folder;

    private RuleEngine engine;

    @BeforeEach
    void copyRules() throws IOException {
        try (Stream<Path> files = Files.list(TestRuleEngines.RULE_FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        engine = TestRuleEngines.loaded(folder);
    }

    @Test
    void validChangeIsSwappedIn() throws IOException {
        RuleBaseVersion before = engine.version();
        assertThat(classCLimit()).isEqualByComparingTo("5000");

        editCreditPolicy(CLASS_C_LIMIT, "limitUpTo(new BigDecimal(\"2000\"))");
        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isTrue();
        assertThat(report.applied()).isTrue();
        assertThat(engine.version().contentHash()).isNotEqualTo(before.contentHash());
        assertThat(classCLimit()).isEqualByComparingTo("2000");
    }

    @Test
    void unchangedFolderIsNotSwapped() {
        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isTrue();
        assertThat(report.applied()).isFalse();
    }

    @Test
    void syntaxErrorIsRejectedWithItsLine() throws IOException {
        RuleBaseVersion before = engine.version();
        int line = lineOf("CreditExposure(oldestDaysPastDue > 60)");
        editCreditPolicy("CreditExposure(oldestDaysPastDue > 60)", "CreditExposure(oldestDaysPastDue > )");

        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isFalse();
        assertThat(report.applied()).isFalse();
        RuleMessage error = report.messages().stream().filter(RuleMessage::isError).findFirst().orElseThrow();
        assertThat(error.file()).isEqualTo("credit-policy.drl");
        assertThat(error.line()).isEqualTo(line);
        assertThat(engine.version()).isEqualTo(before);
        assertThat(classCLimit()).isEqualByComparingTo("5000");
    }

    @Test
    void unknownFactTypeIsRejected() throws IOException {
        int line = lineOf("CreditExposure(brokenPromises >= 2)");
        editCreditPolicy("CreditExposure(brokenPromises >= 2)", "PromiseHistory(brokenPromises >= 2)");

        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isFalse();
        assertThat(report.messages()).anySatisfy(message -> {
            assertThat(message.file()).isEqualTo("credit-policy.drl");
            assertThat(message.line()).isEqualTo(line);
            assertThat(message.text()).contains("PromiseHistory");
        });
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        editCreditPolicy("CreditExposure(brokenPromises >= 2)", "CreditExposure(promisesBroken >= 2)");

        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isFalse();
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text()).contains("promisesBroken"));
    }

    @Test
    void loopingRuleIsRejectedWithItsName() throws IOException {
        Files.writeString(folder.resolve("credit-policy.drl"), Files.readString(folder.resolve("credit-policy.drl"))
                + """

                rule "Count scores forever"
                when
                    $score : CreditScore()
                then
                    update($score);
                end
                """);
        int line = lineOf("rule \"Count scores forever\"");

        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isFalse();
        RuleMessage error = report.messages().stream().filter(RuleMessage::isError).findFirst().orElseThrow();
        assertThat(error.file()).isEqualTo("credit-policy.drl");
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.text()).contains("'Count scores forever'").contains("loops");
    }

    @Test
    void ruleThatThrowsOnSamplesIsRejected() throws IOException {
        editCreditPolicy("insert(new RiskClass(\"C\", \"LIMITED_HISTORY\"));",
                "throw new IllegalStateException(\"class C is not configured\");");

        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isFalse();
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("'Class C: every other applicant'").contains("class C is not configured"));
    }

    @Test
    void missingRuleFileIsRejected() throws IOException {
        Files.delete(folder.resolve("early-payment-discount.drl"));

        RuleBaseReport report = engine.reload();

        assertThat(report.valid()).isFalse();
        assertThat(report.messages()).anySatisfy(message -> assertThat(message.file())
                .isEqualTo("early-payment-discount.drl"));
    }

    @Test
    void validateChangesNothing() throws IOException {
        RuleBaseVersion before = engine.version();
        String edited = Files.readString(folder.resolve("credit-policy.drl")).replace(CLASS_C_LIMIT,
                "limitUpTo(new BigDecimal(\"2000\"))");

        RuleBaseReport report = engine.validate(List.of(new RuleFile("credit-policy.drl", edited)));

        assertThat(report.valid()).isTrue();
        assertThat(report.applied()).isFalse();
        assertThat(report.version().contentHash()).isNotEqualTo(before.contentHash());
        assertThat(engine.version()).isEqualTo(before);
        assertThat(classCLimit()).isEqualByComparingTo("5000");
    }

    @Test
    void runtimeFailureNamesTheRule() throws IOException {
        editCreditPolicy("insert(new RiskClass(\"D\", \"LOW_SCORE\"));", "if ($application.country().equals(\"ZZ\")) "
                + "{ throw new IllegalStateException(\"score table missing\"); }");
        editCreditPolicy("    CreditApplication()\n    exists CreditScore(value < 40)",
                "    $application : CreditApplication()\n    exists CreditScore(value < 40)");
        assertThat(engine.reload().valid()).isTrue();
        List<Object> facts = List.of(new CreditApplication("ZZ", null, "EUR", 3, null, null),
                new org.arflow.customer.credit.CreditScore("case", 10), new CreditTerms());

        assertThatThrownBy(() -> engine.evaluate(facts))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("'Class D: a credit score below 40' (credit-policy.drl:")
                .hasMessageContaining("score table missing");
    }

    @Test
    void decisionsDuringReloadsUseOneVersion() throws Exception {
        Path policy = folder.resolve("credit-policy.drl");
        String original = Files.readString(policy);
        String lowered = original.replace(CLASS_C_LIMIT, "limitUpTo(new BigDecimal(\"2000\"))");
        String originalHash = engine.version().contentHash();
        AtomicBoolean reloading = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                workers.add(threads.submit(() -> evaluateWhile(reloading, originalHash)));
            }
            for (int swap = 0; swap < 6; swap++) {
                Files.writeString(policy, swap % 2 == 0 ? lowered : original);
                assertThat(engine.reload().applied()).isTrue();
            }
            reloading.set(false);
            for (Future<List<String>> worker : workers) {
                assertThat(worker.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Evaluates until {@code running} is false and returns every evaluation whose limit does not match its version. */
    private List<String> evaluateWhile(AtomicBoolean running, String originalHash) {
        List<String> mismatches = new ArrayList<>();
        int evaluations = 0;
        while (running.get() || evaluations < 100) {
            CreditTerms terms = new CreditTerms();
            Evaluation evaluation = engine.evaluate(List.of(classCApplication(), terms));
            BigDecimal expected = evaluation.version().contentHash().equals(originalHash) ? new BigDecimal("5000")
                    : new BigDecimal("2000");
            if (terms.getCreditLimit().compareTo(expected) != 0) {
                mismatches.add(evaluation.version().contentHash() + " granted " + terms.getCreditLimit());
            }
            evaluations++;
        }
        return mismatches;
    }

    private BigDecimal classCLimit() {
        CreditTerms terms = new CreditTerms();
        engine.evaluate(List.of(classCApplication(), terms));
        assertThat(terms.getRiskClass()).isEqualTo("C");
        return terms.getCreditLimit();
    }

    private static CreditApplication classCApplication() {
        return new CreditApplication("GB", null, "EUR", 1, null, null);
    }

    private void editCreditPolicy(String from, String to) throws IOException {
        Path policy = folder.resolve("credit-policy.drl");
        String content = Files.readString(policy);
        assertThat(content).contains(from);
        Files.writeString(policy, content.replace(from, to));
    }

    private int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("credit-policy.drl"));
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(text)) {
                return index + 1;
            }
        }
        throw new AssertionError("credit-policy.drl has no line containing " + text);
    }
}
