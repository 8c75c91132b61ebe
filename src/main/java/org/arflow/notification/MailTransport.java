package org.arflow.notification;

/** Delivers one e-mail from the outbox. Implementations throw when the message did not go out. */
interface MailTransport {

    void send(OutboxMessage message) throws Exception;
}
