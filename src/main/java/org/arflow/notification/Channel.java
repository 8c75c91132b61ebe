package org.arflow.notification;

/** How a message reaches the customer. */
public enum Channel {
    EMAIL,
    /** A letter posted on paper; the message body names the stored PDF document. */
    LETTER,
    SMS
}
