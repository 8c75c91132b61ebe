package org.arflow.notification;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings for sending the outbox.
 *
 * @param maxAttempts send attempts before a message is FAILED and an incident is raised
 * @param retryDelay the wait after the first failed attempt; it doubles after each further failure
 * @param claimTimeout how long a message may stay SENDING before another sender may retry it
 * @param emlFolder where messages are written as {@code .eml} files when no SMTP host is configured
 * @param printFolder where the default letter service writes letters to be printed and posted
 */
@ConfigurationProperties("arflow.outbox")
public record OutboxProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT1M") Duration retryDelay,
        @DefaultValue("PT10M") Duration claimTimeout,
        @DefaultValue("100") int batchSize,
        @DefaultValue("./data/outbox") Path emlFolder,
        @DefaultValue("./data/letters") Path printFolder) {
}
