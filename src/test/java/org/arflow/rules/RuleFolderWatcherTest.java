package org.arflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.arflow.customer.credit.CreditPolicyCheck;
import org.arflow.invoice.discount.DiscountRulesCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFolderWatcherTest {

    @TempDir
    Path folder;

    @Test
    void savedChangeIsReloaded() throws IOException {
        try (Stream<Path> files = Files.list(TestRuleEngines.RULE_FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        RulesProperties properties = new RulesProperties(folder, true, 10_000);
        RuleEngine engine = new RuleEngine(properties, TestRuleEngines.CLOCK,
                List.of(new CreditPolicyCheck(), new DiscountRulesCheck()));
        engine.afterPropertiesSet();
        String before = engine.version().contentHash();
        RuleFolderWatcher watcher = new RuleFolderWatcher(engine, properties);
        watcher.start();
        try {
            Path policy = folder.resolve("credit-policy.drl");
            Files.writeString(policy, Files.readString(policy).replace("BigDecimal(\"5000\")", "BigDecimal(\"2000\")"));

            await().atMost(Duration.ofSeconds(30)).until(() -> !engine.version().contentHash().equals(before));
            assertThat(watcher.isRunning()).isTrue();
        } finally {
            watcher.stop();
        }
        assertThat(watcher.isRunning()).isFalse();
    }
}
