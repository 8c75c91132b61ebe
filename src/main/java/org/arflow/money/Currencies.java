package org.arflow.money;

import java.util.Currency;
import java.util.Optional;

/** Looks up ISO 4217 currencies by their three-letter code. */
public final class Currencies {

    private Currencies() {
    }

    /** Returns the currency for an upper-case ISO 4217 code such as {@code EUR}, or empty for anything else. */
    public static Optional<Currency> parse(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException unknownCode) {
            return Optional.empty();
        }
    }
}
