package org.arflow.notification;

/**
 * Sends a text message from the outbox. Without a configured gateway, the outbox row is the record of the
 * message and it is marked sent without leaving ARflow.
 */
public interface SmsGateway {

    void send(OutboxMessage message) throws Exception;
}
