package org.arflow.dispute;

/** The status of a dispute. Only an OPEN dispute takes its amount out of dunning. */
public enum DisputeStatus {
    OPEN,
    RESOLVED,
    REJECTED
}
