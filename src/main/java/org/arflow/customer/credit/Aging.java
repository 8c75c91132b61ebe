package org.arflow.customer.credit;

import java.math.BigDecimal;

/**
 * A customer's open balance in one currency by days past due. Day 30 is in {@code days1To30}; the buckets
 * add up to the open balance.
 */
public record Aging(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
        BigDecimal over90) {
}
