package org.arflow.dunning;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A collection case: the dunning of one customer's overdue invoices in one currency.
 *
 * @param businessKey the process business key, {@code <customer external id>/<currency>}
 * @param dunningLevel the level of the last step carried out, 0 before the first
 * @param nextStep the step the policy scheduled next, or {@code null} while none is scheduled
 */
public record CollectionCase(
        long id,
        long customerId,
        String customer,
        String currency,
        String businessKey,
        CaseStatus status,
        int dunningLevel,
        LocalDate openedOn,
        LocalDate closedOn,
        String closeReason,
        String pauseReason,
        String agency,
        String nextStep,
        OffsetDateTime nextStepAt) {
}
