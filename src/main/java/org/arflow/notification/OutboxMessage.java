package org.arflow.notification;

import java.time.OffsetDateTime;

/** A message in the outbox with its delivery state. */
public record OutboxMessage(
        long id,
        String messageKey,
        Channel channel,
        String recipient,
        String subject,
        String body,
        Long customerId,
        String invoiceNumber,
        String processInstanceId,
        Long documentId,
        MessageStatus status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt) {
}
