package org.arflow.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in an ISO 4217 currency, held at the currency's minor unit (JPY 0, EUR 2, BHD 3 decimals).
 *
 * <p>Amounts coming from outside are checked with {@link #exact}, which rejects extra decimals instead of
 * rounding them away. Computed amounts (a line net, a discount) are rounded once with {@link #rounded}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != minorUnit(currency)) {
            throw new IllegalArgumentException(
                    "amount " + amount.toPlainString() + " must have " + minorUnit(currency) + " decimals for "
                            + currency.getCurrencyCode());
        }
    }

    /** Rounds a computed amount HALF_UP to the currency's minor unit. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(minorUnit(currency), RoundingMode.HALF_UP), currency);
    }

    /**
     * Returns the amount unchanged in value, or throws when it has more decimals than the currency allows.
     * Trailing zeros beyond the minor unit (12.500 in EUR) are accepted because they change nothing.
     */
    public static Money exact(BigDecimal amount, Currency currency) {
        int minorUnit = minorUnit(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > minorUnit) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " allows ("
                            + minorUnit + ")");
        }
        return new Money(amount.setScale(minorUnit, RoundingMode.UNNECESSARY), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(minorUnit(currency)), currency);
    }

    /** Returns the number of decimals of the currency's minor unit, treating currencies without one as 0. */
    public static int minorUnit(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
