package org.arflow.dunning;

/** A collection case carried out a step of its dunning ladder. */
public record CaseEscalated(long caseId, long customerId, String currency, int dunningLevel, DunningStep step) {
}
