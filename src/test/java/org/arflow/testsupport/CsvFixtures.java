package org.arflow.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * CSV files under {@code src/test/resources/fixtures}, with their placeholders filled: {@code {{PREFIX}}}
 * makes invoice numbers and contacts unique per test, and the dates are given relative to today.
 */
public final class CsvFixtures {

    private static final DateTimeFormatter XERO_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private CsvFixtures() {
    }

    public static byte[] load(String name, String prefix, LocalDate issued, LocalDate due) {
        String text = read(name)
                .replace("{{PREFIX}}", prefix)
                .replace("{{prefix}}", prefix.toLowerCase(Locale.ROOT))
                .replace("{{ISSUED}}", XERO_DATE.format(issued))
                .replace("{{DUE}}", XERO_DATE.format(due))
                .replace("{{ISSUED_ISO}}", issued.toString())
                .replace("{{DUE_ISO}}", due.toString());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(String name) {
        try (InputStream in = CsvFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture named " + name + " under src/test/resources/fixtures");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
