package org.arflow.dispute;

/** Where a dispute stands. Only an OPEN dispute takes its amount out of dunning. */
public enum DisputeStatus {
    OPEN,
    RESOLVED,
    REJECTED
}
