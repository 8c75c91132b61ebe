package org.arflow.notification;

/** The channel a message reaches the customer by. */
public enum Channel {
    EMAIL,
    /** A letter posted on paper; the message body names the stored PDF document. */
    LETTER,
    SMS
}
