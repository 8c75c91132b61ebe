package org.arflow.notification;

/** Where an outbox message stands: PENDING until sent, FAILED once every retry has failed. */
public enum MessageStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
