package org.arflow.customer.credit;

import java.math.BigDecimal;

/**
 * A credit application as a customer registration submits it. Every field is optional.
 *
 * @param requestedLimit the limit asked for, in the customer's currency
 * @param country the ISO 3166 alpha-2 code of the applicant's country; the customer's country when left out
 * @param yearsTrading whole years the applicant has traded
 * @param externalScore a score from 0 (worst) to 100 (best), such as a bureau's, converted to that scale
 */
public record CreditApplicationRequest(BigDecimal requestedLimit, String country, Integer yearsTrading,
        Integer externalScore) {
}
