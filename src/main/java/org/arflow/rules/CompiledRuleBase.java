package org.arflow.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.definition.rule.Global;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A compiled rule base in force or on trial. The {@link KieBase} is shared by all threads; every evaluation
 * gets its own stateless session, because a session is not safe for concurrent use.
 */
final class CompiledRuleBase {

    static final String TABLES_GLOBAL = "tables";

    private static final KieCommands COMMANDS = KieServices.Factory.get().getCommands();

    private final KieBase kieBase;
    private final RuleBaseVersion version;
    private final ReferenceTables tables;
    private final RuleLocations locations;
    private final boolean declaresTables;

    CompiledRuleBase(KieBase kieBase, RuleBaseVersion version, ReferenceTables tables, RuleLocations locations) {
        this.kieBase = kieBase;
        this.version = version;
        this.tables = tables;
        this.locations = locations;
        this.declaresTables = kieBase.getKiePackages().stream()
                .flatMap(kiePackage -> kiePackage.getGlobalVariables().stream())
                .map(Global::getName)
                .anyMatch(TABLES_GLOBAL::equals);
    }

    RuleBaseVersion version() {
        return version;
    }

    ReferenceTables tables() {
        return tables;
    }

    RuleLocations locations() {
        return locations;
    }

    int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(kiePackage -> kiePackage.getRules().size()).sum();
    }

    /**
     * Inserts the facts into a new stateless session and fires at most {@code maxFirings} rules. Reaching
     * that bound means a rule keeps re-activating itself, so the evaluation fails instead of hanging.
     */
    Evaluation evaluate(List<?> facts, int maxFirings) {
        StatelessKieSession session = kieBase.newStatelessKieSession();
        if (declaresTables) {
            session.setGlobal(TABLES_GLOBAL, tables);
        }
        FiringRecorder recorder = new FiringRecorder();
        session.addEventListener(recorder);
        List<Command<?>> commands = new ArrayList<>();
        for (Object fact : facts) {
            commands.add(COMMANDS.newInsert(fact));
        }
        commands.add(COMMANDS.newFireAllRules(maxFirings));
        try {
            session.execute(COMMANDS.newBatchExecution(commands));
        } catch (ConsequenceException failed) {
            throw ruleFailed(failed.getMatch().getRule().getName(), failed.getCause());
        } catch (RuntimeException failed) {
            throw ruleFailed(recorder.current, failed);
        }
        if (recorder.fired.size() >= maxFirings) {
            throw loop(recorder, maxFirings);
        }
        return new Evaluation(version, List.copyOf(recorder.fired));
    }

    private RuleEvaluationException ruleFailed(String ruleName, Throwable cause) {
        Throwable reported = cause == null ? new IllegalStateException("no cause given") : cause;
        String failure = ruleName == null ? "The rules failed while matching facts"
                : "Rule " + locations.describe(ruleName) + " failed";
        return new RuleEvaluationException(ruleName, failure + ": " + reported.getClass().getSimpleName() + ": "
                + reported.getMessage() + " (rule base " + version.contentHash() + ")", reported);
    }

    private RuleEvaluationException loop(FiringRecorder recorder, int maxFirings) {
        Map<String, Integer> counts = new HashMap<>();
        recorder.fired.forEach(rule -> counts.merge(rule, 1, Integer::sum));
        String maxFired = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new RuleEvaluationException(maxFired, "Rule " + locations.describe(maxFired) + " fired "
                + counts.get(maxFired) + " times in one evaluation, so it loops (the limit is " + maxFirings
                + " firings); make its action stop matching its own conditions, or add no-loop", null);
    }

    /** Records rule firings of one session; a session runs on one thread, so no synchronisation is needed. */
    private static final class FiringRecorder extends DefaultAgendaEventListener {

        private final List<String> fired = new ArrayList<>();
        private String current;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(event.getMatch().getRule().getName());
        }
    }
}
