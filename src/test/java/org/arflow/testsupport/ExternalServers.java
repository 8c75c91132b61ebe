package org.arflow.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at the test JVM's PostgreSQL and SMTP servers. */
public class ExternalServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("arflowTestServers", Map.of(
                "spring.datasource.url", PostgresServer.jdbcUrl(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(MailServer.port()),
                "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
                "spring.mail.properties.mail.smtp.timeout", "2000")));
    }
}
