package org.arflow.rules;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real PostgreSQL (embedded, started once per test run) with the job executor and the
 * outbox scheduler off, so tests run jobs themselves. The rules are loaded from a copy of {@code rules/}, so
 * reload tests can edit it; tests that edit it restore it.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "arflow.outbox.scheduler-enabled=false",
        "arflow.access.admin-password=" + RulesIntegrationTest.ADMIN_PASSWORD})
@AutoConfigureMockMvc
@Import(RulesIntegrationTest.PostgresLifecycle.class)
public abstract class RulesIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "rules-test-password";

    private static final EmbeddedPostgres POSTGRES = startPostgres();
    private static final Path DATA_DIR = temporaryFolder("arflow-rules-data");
    protected static final Path RULE_FOLDER = copyOfRules();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("arflow.data-dir", DATA_DIR::toString);
        registry.add("arflow.rules.path", RULE_FOLDER::toString);
    }

    /** Copies the real rule files over the test folder, undoing a test's edits. */
    protected static void restoreRules() {
        try (Stream<Path> files = Files.list(TestRuleEngines.RULE_FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, RULE_FOLDER.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException failed) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", failed);
        }
    }

    /**
     * Stops PostgreSQL when the application context closes, after the data source, so that the engine and the
     * connection pool shut down against a running database instead of waiting for it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class PostgresLifecycle {

        static final String BEAN = "embeddedPostgres";

        @Bean
        static BeanFactoryPostProcessor dataSourceDependsOnPostgres() {
            return factory -> factory.getBeanDefinition("dataSource").setDependsOn(BEAN);
        }

        @Bean(name = BEAN, destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            return POSTGRES;
        }
    }

    private static Path copyOfRules() {
        Path folder = temporaryFolder("arflow-rules");
        try (Stream<Path> files = Files.list(TestRuleEngines.RULE_FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return folder;
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
