package org.arflow.notification;

/**
 * A message to be written to the outbox.
 *
 * @param messageKey names the (subject, step, channel) the message belongs to, such as
 *     {@code invoice/INV-1/issue/email}; a second message under the same key is ignored
 * @param processInstanceId the process instance that sent it, which gets an incident if sending fails
 * @param documentId the stored PDF of a letter, or {@code null}
 */
public record OutgoingMessage(
        String messageKey,
        Channel channel,
        String recipient,
        String subject,
        String body,
        Long customerId,
        String invoiceNumber,
        String processInstanceId,
        Long documentId) {

    /** Creates a message without an attached document. */
    public OutgoingMessage(String messageKey, Channel channel, String recipient, String subject, String body,
            Long customerId, String invoiceNumber, String processInstanceId) {
        this(messageKey, channel, recipient, subject, body, customerId, invoiceNumber, processInstanceId, null);
    }
}
