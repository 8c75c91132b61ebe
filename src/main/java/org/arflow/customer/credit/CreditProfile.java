package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A customer's credit profile: what the credit policy granted and whether new credit is stopped.
 *
 * @param currency the ISO 4217 code of the limit, the customer's currency
 * @param paymentTerms the customer's standard terms, such as {@code 2/10 net 30}, for invoices without their own
 * @param onHold whether the customer is on credit hold, on which the ERP stops new orders on credit
 * @param decisionId the rule decision that set the limit and terms
 */
public record CreditProfile(
        long customerId,
        String riskClass,
        BigDecimal creditLimit,
        String currency,
        String paymentTerms,
        String reasonCode,
        CreditApplication application,
        boolean onHold,
        String holdReason,
        OffsetDateTime heldSince,
        Long decisionId) {
}
