package org.arflow.customer.credit;

/**
 * The risk class the credit policy assigned, from A (lowest risk) to D.
 *
 * @param reasonCode why the class was assigned, such as {@code STRONG_PROFILE}
 */
public record RiskClass(String riskClass, String reasonCode) {
}
