package org.arflow.customer;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** ISO 3166 countries: codes, English names, and the locale and time zone a new customer gets by default. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private static final Map<String, String> CODES_BY_ENGLISH_NAME = Arrays.stream(Locale.getISOCountries())
            .collect(Collectors.toMap(Countries::englishName, Function.identity(), (first, second) -> first));

    /** Names that accounting systems commonly export but that differ from Java's English display names. */
    private static final Map<String, String> ALIASES = Map.of(
            "uk", "GB", "great britain", "GB", "england", "GB", "scotland", "GB", "wales", "GB",
            "usa", "US", "united states of america", "US", "holland", "NL", "czech republic", "CZ");

    /** Time zones of countries with one zone or a clear business centre; others get the company's zone. */
    private static final Map<String, String> TIME_ZONES = Map.ofEntries(
            Map.entry("GB", "Europe/London"), Map.entry("IE", "Europe/Dublin"), Map.entry("DE", "Europe/Berlin"),
            Map.entry("FR", "Europe/Paris"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("BE", "Europe/Brussels"),
            Map.entry("AT", "Europe/Vienna"), Map.entry("CH", "Europe/Zurich"), Map.entry("IT", "Europe/Rome"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("PT", "Europe/Lisbon"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("CZ", "Europe/Prague"), Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("SE", "Europe/Stockholm"), Map.entry("NO", "Europe/Oslo"), Map.entry("FI", "Europe/Helsinki"),
            Map.entry("LU", "Europe/Luxembourg"), Map.entry("JP", "Asia/Tokyo"), Map.entry("SG", "Asia/Singapore"),
            Map.entry("IN", "Asia/Kolkata"), Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("ZA", "Africa/Johannesburg"));

    /** Default languages where the country's first official language is not English. */
    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("DE", "de"), Map.entry("AT", "de"), Map.entry("CH", "de"), Map.entry("LI", "de"),
            Map.entry("FR", "fr"), Map.entry("LU", "fr"), Map.entry("MC", "fr"), Map.entry("BE", "nl"),
            Map.entry("NL", "nl"), Map.entry("IT", "it"), Map.entry("ES", "es"), Map.entry("PT", "pt"),
            Map.entry("PL", "pl"), Map.entry("CZ", "cs"), Map.entry("DK", "da"), Map.entry("SE", "sv"),
            Map.entry("NO", "nb"), Map.entry("FI", "fi"), Map.entry("JP", "ja"));

    private Countries() {
    }

    /** Returns the ISO 3166 alpha-2 code for a code or an English country name, ignoring case. */
    public static Optional<String> parse(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String trimmed = codeOrName.trim();
        if (trimmed.length() == 2 && CODES.contains(trimmed.toUpperCase(Locale.ROOT))) {
            return Optional.of(trimmed.toUpperCase(Locale.ROOT));
        }
        String name = normalise(trimmed);
        return Optional.ofNullable(ALIASES.getOrDefault(name, CODES_BY_ENGLISH_NAME.get(name)));
    }

    static Locale defaultLocale(String countryCode) {
        return new Locale.Builder()
                .setLanguage(LANGUAGES.getOrDefault(countryCode, "en"))
                .setRegion(countryCode)
                .build();
    }

    static Optional<ZoneId> defaultTimeZone(String countryCode) {
        return Optional.ofNullable(TIME_ZONES.get(countryCode)).map(ZoneId::of);
    }

    private static String englishName(String code) {
        return normalise(new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH));
    }

    private static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
