package org.arflow.customer.credit;

import java.math.BigDecimal;

/**
 * A credit application as the credit policy reads it.
 *
 * @param country the ISO 3166 alpha-2 code of the applicant's country
 * @param requestedLimit the limit asked for, or {@code null} to take the most the risk class allows
 * @param currency the ISO 4217 code of the limit: the customer's currency
 * @param yearsTrading whole years the applicant has traded; 0 when not stated
 * @param externalScore a score from 0 to 100 given with the application, or {@code null}
 * @param requestedTerms the payment terms asked for in their normal spelling, or {@code null}
 */
public record CreditApplication(String country, BigDecimal requestedLimit, String currency, int yearsTrading,
        Integer externalScore, String requestedTerms) {

    /** Returns the requested limit capped at {@code maximum}, or the maximum when none was requested. */
    public BigDecimal limitUpTo(BigDecimal maximum) {
        return requestedLimit == null ? maximum : requestedLimit.min(maximum);
    }

    /** Returns the requested terms, or {@code standard} when none were requested. */
    public String termsOr(String standard) {
        return requestedTerms == null ? standard : requestedTerms;
    }
}
