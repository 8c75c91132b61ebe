package org.arflow.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The rule base in force: compiled from the rule folder at start-up, evaluated by any number of threads, and
 * swapped atomically by a reload. An evaluation uses the rule base that was in force when it started, from
 * its first fact to its last. An invalid reload leaves the rules in force untouched.
 */
@Component
public class RuleEngine implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final RulesProperties properties;
    private final Clock clock;
    private final List<RuleSetCheck> checks;
    private final RuleBaseCompiler compiler;
    private final AtomicReference<CompiledRuleBase> inForce = new AtomicReference<>();

    public RuleEngine(RulesProperties properties, Clock clock, List<RuleSetCheck> checks) {
        this.properties = properties;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.compiler = new RuleBaseCompiler(properties.maxFiringsPerEvaluation());
    }

    /** Loads the rule folder and stops the start-up when it does not compile, since no decision could be made. */
    @Override
    public void afterPropertiesSet() {
        RuleBaseReport report = reload();
        if (!report.valid()) {
            throw new IllegalStateException("The rules in " + folder() + " are invalid; fix them and start again: "
                    + report.messages().stream().filter(RuleMessage::isError).map(RuleMessage::describe)
                            .collect(Collectors.joining("; ")));
        }
    }

    /**
     * Evaluates the facts with the rule base in force and returns which rules fired. The caller reads the
     * decision from the output facts it passed in.
     *
     * @throws RuleEvaluationException when a rule throws or loops
     */
    public Evaluation evaluate(List<?> facts) {
        return current().evaluate(facts, properties.maxFiringsPerEvaluation());
    }

    public RuleBaseVersion version() {
        return current().version();
    }

    /** Returns the number of rules and the row count of each data table in force. */
    public Map<String, Object> contents() {
        CompiledRuleBase ruleBase = current();
        Map<String, Object> contents = new LinkedHashMap<>();
        contents.put("rules", ruleBase.ruleCount());
        contents.put("dataTables", ruleBase.tables().sizes());
        return contents;
    }

    /**
     * Compiles the submitted files, each replacing the folder's file of the same name, without putting the
     * result in force. Files of the folder that were not submitted are compiled with them.
     */
    public RuleBaseReport validate(List<RuleFile> submitted) {
        Map<String, RuleFile> files = new LinkedHashMap<>();
        readFolder().forEach(file -> files.put(file.name(), file));
        submitted.forEach(file -> files.put(file.name(), file));
        RuleBaseCompiler.Compilation compilation = compiler.compile(List.copyOf(files.values()), checks,
                OffsetDateTime.now(clock));
        return new RuleBaseReport(compilation.valid(), false, compilation.version(), versionOrNull(),
                compilation.messages());
    }

    /** Compiles the rule folder and puts it in force when it is valid and differs from the rules in force. */
    public synchronized RuleBaseReport reload() {
        List<RuleFile> files = readFolder();
        RuleBaseCompiler.Compilation compilation = compiler.compile(files, checks, OffsetDateTime.now(clock));
        if (!compilation.valid()) {
            log.warn("Rules rejected, the rules in force stay: folder={} candidate={} inForce={} errors={}",
                    folder(), compilation.version().contentHash(), hashOrNone(), compilation.errors());
            return new RuleBaseReport(false, false, compilation.version(), versionOrNull(), compilation.messages());
        }
        CompiledRuleBase previous = inForce.get();
        if (previous != null && previous.version().contentHash().equals(compilation.version().contentHash())) {
            return new RuleBaseReport(true, false, previous.version(), previous.version(), compilation.messages());
        }
        inForce.set(compilation.ruleBase());
        log.info("Rules in force: folder={} version={} files={} previous={}", folder(),
                compilation.version().contentHash(), compilation.version().files(), hashOrNone(previous));
        return new RuleBaseReport(true, true, compilation.version(), compilation.version(), compilation.messages());
    }

    /** Reads the {@code .drl} and {@code .csv} files directly in the rule folder, by name. */
    public List<RuleFile> readFolder() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The rule folder " + folder + " does not exist; set arflow.rules.path "
                    + "to the folder that holds credit-policy.drl");
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".drl") || file.toString().endsWith(".csv"))
                    .sorted()
                    .map(RuleEngine::read)
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The rule folder " + folder + " cannot be read", unreadable);
        }
    }

    Path folder() {
        return properties.path().toAbsolutePath().normalize();
    }

    private CompiledRuleBase current() {
        CompiledRuleBase ruleBase = inForce.get();
        if (ruleBase == null) {
            throw new IllegalStateException("No rules are in force yet; the rule folder " + folder()
                    + " has not been loaded");
        }
        return ruleBase;
    }

    private RuleBaseVersion versionOrNull() {
        CompiledRuleBase ruleBase = inForce.get();
        return ruleBase == null ? null : ruleBase.version();
    }

    private String hashOrNone() {
        return hashOrNone(inForce.get());
    }

    private static String hashOrNone(CompiledRuleBase ruleBase) {
        return ruleBase == null ? "none" : ruleBase.version().contentHash();
    }

    private static RuleFile read(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            return new RuleFile(file.getFileName().toString(), content);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The rule file " + file + " cannot be read", unreadable);
        }
    }
}
