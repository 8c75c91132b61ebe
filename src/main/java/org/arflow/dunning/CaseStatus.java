package org.arflow.dunning;

/** The status of a collection case. */
public enum CaseStatus {
    /** Dunning runs as the policy decides. */
    OPEN,
    /** A collector paused the case; nothing is sent until it is resumed. */
    PAUSED,
    /** Handed to a collection agency; internal dunning has stopped. */
    WITH_AGENCY,
    CLOSED;

    boolean isActive() {
        return this == OPEN || this == PAUSED;
    }
}
