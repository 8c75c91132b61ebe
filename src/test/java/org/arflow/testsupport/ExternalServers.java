package org.arflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the test JVM's PostgreSQL and SMTP servers, and its data folder (letters, .eml
 * files) at a temporary folder instead of the working copy.
 */
public class ExternalServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("arflowTestServers", Map.of(
                "arflow.data-dir", dataFolder(),
                "spring.datasource.url", PostgresServer.jdbcUrl(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(MailServer.port()),
                "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
                "spring.mail.properties.mail.smtp.timeout", "2000")));
    }

    private static String dataFolder() {
        try {
            return Files.createTempDirectory("arflow-test-data-").toString();
        } catch (IOException noTemp) {
            throw new UncheckedIOException("No temporary folder for the test data", noTemp);
        }
    }
}
