package org.arflow.notification;

/** The status of an outbox message: PENDING until sent, FAILED once every retry has failed. */
public enum MessageStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
