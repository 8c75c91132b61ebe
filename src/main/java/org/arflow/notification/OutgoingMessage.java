package org.arflow.notification;

/**
 * A message to be written to the outbox.
 *
 * @param messageKey names the (subject, step, channel) the message belongs to, such as
 *     {@code invoice/INV-1/issue/email}; a second message under the same key is ignored
 * @param processInstanceId the process instance that sent it, which gets an incident if sending fails
 */
public record OutgoingMessage(
        String messageKey,
        Channel channel,
        String recipient,
        String subject,
        String body,
        Long customerId,
        String invoiceNumber,
        String processInstanceId) {
}
