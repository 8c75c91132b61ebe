package org.arflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A promise to pay passed its date and grace without the promised amount arriving. */
public record PromiseToPayBroken(long caseId, long promiseId, long customerId, BigDecimal amount, String currency,
        LocalDate promisedDate) {
}
