package org.arflow.invoice.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The header of an import file, matched without regard to case, surrounding spaces and the asterisk that
 * Xero puts before required columns ({@code *InvoiceNumber} and {@code InvoiceNumber} are the same).
 */
final class Columns {

    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<String> header;

    Columns(List<String> header) {
        this.header = List.copyOf(header);
        for (int index = 0; index < header.size(); index++) {
            indexByName.putIfAbsent(normalise(header.get(index)), index);
        }
    }

    static String normalise(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.startsWith("*")) {
            trimmed = trimmed.substring(1).strip();
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    boolean containsAll(List<String> names) {
        return names.stream().map(Columns::normalise).allMatch(indexByName::containsKey);
    }

    /** Returns the header as written in the file. */
    List<String> names() {
        return header;
    }

    /** Returns the trimmed value of the column in the record, or {@code null} when absent or blank. */
    String value(CSVRecord record, String column) {
        Integer index = indexByName.get(normalise(column));
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
