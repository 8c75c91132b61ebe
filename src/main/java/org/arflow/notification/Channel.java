package org.arflow.notification;

/** How a message reaches the customer. */
public enum Channel {
    EMAIL
}
