package org.arflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Boots the whole application on real PostgreSQL and a real SMTP server, with the simulation clock. The
 * job executor and the outbox scheduler are off: tests run jobs and dispatch the outbox themselves, so
 * nothing happens behind their back. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("simulation")
@ContextConfiguration(initializers = ExternalServers.class)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "arflow.outbox.scheduler-enabled=false",
        "arflow.outbox.retry-delay=PT1M",
        "arflow.outbox.max-attempts=3",
        "arflow.access.admin-user=admin",
        "arflow.access.admin-password=" + TestApi.ADMIN_PASSWORD,
        "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false",
        "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.username=postgres",
        "spring.datasource.password=postgres"})
public @interface IntegrationTest {
}
