package org.arflow.money;

import java.util.Currency;
import java.util.Optional;

/** Looks up ISO 4217 currencies by their three-letter code. */
public final class Currencies {

    private Currencies() {
    }

    /**
     * Returns the currency for an upper-case ISO 4217 code such as {@code EUR}, or empty for anything else.
     * Codes without a minor unit (gold {@code XAU}, special drawing rights {@code XDR}, testing {@code XTS})
     * are not money an invoice is paid in, so they are refused too.
     */
    public static Optional<Currency> parse(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknownCode) {
            return Optional.empty();
        }
    }
}
