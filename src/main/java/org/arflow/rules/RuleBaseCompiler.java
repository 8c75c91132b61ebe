package org.arflow.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a set of rule files and data tables into a rule base, and tries it on each rule file's sample
 * facts. Builds DRL at run time with {@code drools-mvel}; {@code drools-engine} alone cannot. Each build gets
 * its own release id and is removed from the Kie repository afterwards, so reloads do not pile up modules.
 */
final class RuleBaseCompiler {

    private static final String SOURCE_FOLDER = "src/main/resources/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final int maxFiringsPerEvaluation;

    RuleBaseCompiler(int maxFiringsPerEvaluation) {
        this.maxFiringsPerEvaluation = maxFiringsPerEvaluation;
    }

    /** The outcome of a compilation: the messages, and the rule base when none of them is an error. */
    record Compilation(RuleBaseVersion version, List<RuleMessage> messages, CompiledRuleBase ruleBase) {

        public boolean valid() {
            return ruleBase != null;
        }

        public List<RuleMessage> errors() {
            return messages.stream().filter(RuleMessage::isError).toList();
        }
    }

    Compilation compile(List<RuleFile> files, List<RuleSetCheck> checks, OffsetDateTime loadedAt) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        RuleBaseVersion version = new RuleBaseVersion(contentHash(sorted), loadedAt,
                sorted.stream().map(RuleFile::name).toList());
        List<RuleMessage> messages = new ArrayList<>();
        if (sorted.stream().noneMatch(RuleFile::isRuleFile)) {
            messages.add(RuleMessage.error(null, 0, "The rule set has no .drl file"));
            return new Compilation(version, messages, null);
        }
        ReferenceTables tables = ReferenceTables.parse(sorted, messages);
        KieBase kieBase = build(sorted, messages);
        if (kieBase == null || messages.stream().anyMatch(RuleMessage::isError)) {
            return new Compilation(version, List.copyOf(messages), null);
        }
        CompiledRuleBase ruleBase = new CompiledRuleBase(kieBase, version, tables, RuleLocations.of(sorted));
        tryOnSamples(ruleBase, sorted, checks, messages);
        boolean valid = messages.stream().noneMatch(RuleMessage::isError);
        return new Compilation(version, List.copyOf(messages), valid ? ruleBase : null);
    }

    private static KieBase build(List<RuleFile> files, List<RuleMessage> messages) {
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = services.newReleaseId("org.arflow", "arflow-rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem fileSystem = services.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        files.stream().filter(RuleFile::isRuleFile)
                .forEach(file -> fileSystem.write(SOURCE_FOLDER + file.name(), file.content()));
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        for (Message message : builder.getResults().getMessages()) {
            messages.add(new RuleMessage(fileName(message.getPath()), message.getLine(), message.getColumn(),
                    message.getLevel().name(), message.getText().strip()));
        }
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
        services.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    private void tryOnSamples(CompiledRuleBase ruleBase, List<RuleFile> files, List<RuleSetCheck> checks,
            List<RuleMessage> messages) {
        for (RuleSetCheck check : checks) {
            if (files.stream().noneMatch(file -> file.name().equals(check.ruleFile()))) {
                messages.add(RuleMessage.error(check.ruleFile(), 0, "The rule file is missing; ARflow needs it "
                        + "for its decisions, so restore it before reloading"));
                continue;
            }
            for (List<Object> facts : check.sampleFacts()) {
                try {
                    ruleBase.evaluate(facts, maxFiringsPerEvaluation);
                } catch (RuleEvaluationException failed) {
                    RuleLocations.Location location = ruleBase.locations().find(failed.ruleName());
                    String file = location.file() == null ? check.ruleFile() : location.file();
                    messages.add(RuleMessage.error(file, location.line(), failed.getMessage()));
                    break;
                }
            }
        }
    }

    private static String fileName(String path) {
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String contentHash(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime provides SHA-256", missing);
        }
    }
}
