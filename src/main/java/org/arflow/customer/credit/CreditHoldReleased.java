package org.arflow.customer.credit;

import java.math.BigDecimal;

/**
 * A customer's credit hold was released by a credit manager.
 *
 * @param resolution RAISE_LIMIT or RELEASE_ONCE
 * @param creditLimit the limit in force after the release
 */
public record CreditHoldReleased(String customer, long customerId, String invoiceNumber, String resolution,
        BigDecimal creditLimit, String currency) {
}
