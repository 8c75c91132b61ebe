package org.arflow.customer.credit;

/** The risk grade of the applicant's country, LOW, MEDIUM or HIGH, as the credit policy derived it. */
public record CountryRisk(String country, String grade) {
}
