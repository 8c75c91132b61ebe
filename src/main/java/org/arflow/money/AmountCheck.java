package org.arflow.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.arflow.error.Violation;

/** Checks an amount a caller sent: present, above zero, storable, and written in the currency's minor unit. */
public final class AmountCheck {

    /** Amounts are stored as numeric(19,4), so single amounts stay well below 15 digits before the point. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private AmountCheck() {
    }

    /** Adds one violation naming the field when the amount is not valid, and returns whether it is valid. */
    public static boolean positive(String field, BigDecimal amount, Currency currency, List<Violation> violations) {
        if (amount == null) {
            violations.add(Violation.of(field, null, "is required"));
        } else if (amount.signum() <= 0) {
            violations.add(Violation.of(field, amount.toPlainString(), "must be greater than zero"));
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(Violation.of(field, amount.toPlainString(), "is too large: it must be below "
                    + MAX_AMOUNT.toPlainString()));
        } else if (currency != null && amount.stripTrailingZeros().scale() > Money.minorUnit(currency)) {
            violations.add(Violation.of(field, amount.toPlainString(), "has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + Money.minorUnit(currency) + ")"));
        } else {
            return true;
        }
        return false;
    }
}
