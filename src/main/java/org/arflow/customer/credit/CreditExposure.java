package org.arflow.customer.credit;

import java.math.BigDecimal;

/**
 * A new invoice against the customer's credit, as the credit policy reads it. Amounts are in the invoice's
 * currency; when that is not the limit's currency, {@code sameCurrency} is false and the exposure figures
 * count only the invoice.
 *
 * @param openBalance the customer's open balance without the new invoice
 * @param exposure the open balance plus the new invoice's total
 * @param percentOfLimit exposure as a percentage of the limit, rounded down; 1000 when the limit is zero
 * @param overdueBalance the open balance on invoices past their due date
 * @param oldestDaysPastDue the days past due of the oldest overdue invoice, 0 when none is overdue
 * @param brokenPromises promises to pay the customer has broken
 */
public record CreditExposure(
        String invoiceNumber,
        String riskClass,
        BigDecimal creditLimit,
        boolean sameCurrency,
        BigDecimal invoiceAmount,
        BigDecimal openBalance,
        BigDecimal exposure,
        int percentOfLimit,
        BigDecimal overdueBalance,
        int oldestDaysPastDue,
        int brokenPromises,
        boolean onHold) {
}
