package org.arflow.invoice.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.arflow.error.Violation;

/** Reads typed values from CSV text, adding a violation that names the column and value when one is invalid. */
final class ValueReader {

    private final int line;
    private final List<Violation> violations;

    ValueReader(int line, List<Violation> violations) {
        this.line = line;
        this.violations = violations;
    }

    String required(String column, String value) {
        if (value == null) {
            violations.add(new Violation(line, column, null, "is required"));
        }
        return value;
    }

    /** Parses a date strictly, so that 31/02/2026 is rejected rather than moved to 3 March. */
    LocalDate date(String column, String value, DateTimeFormatter format, String example) {
        if (value == null) {
            violations.add(new Violation(line, column, null, "is required, as " + example));
            return null;
        }
        try {
            return LocalDate.parse(value, format.withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException invalid) {
            violations.add(Violation.of(column, value, "is not a valid date; expected " + example).atLine(line));
            return null;
        }
    }

    /** Parses a plain decimal number such as 1200.50; thousands separators are rejected, not guessed. */
    BigDecimal number(String column, String value, boolean required) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(line, column, null, "is required"));
            }
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException invalid) {
            violations.add(Violation.of(column, value,
                    "is not a number; write it like 1200.50, without thousands separators").atLine(line));
            return null;
        }
    }

    /** Parses a percentage written as a number, with or without a trailing percent sign. */
    BigDecimal percent(String column, String value) {
        String number = value != null && value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
        return number(column, number, false);
    }
}
