package org.arflow.dispute;

import java.math.BigDecimal;

/**
 * A dispute as the API receives it.
 *
 * @param amount the disputed amount; when left out, the whole open balance is disputed
 * @param raisedBy who raised it; defaults to the authenticated user
 */
record DisputeRequest(String reasonCode, BigDecimal amount, String description, String raisedBy) {
}
