package org.arflow.rules;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data tables of a rule base: each {@code .csv} file in the rule folder, with a header line, keyed by
 * its first column. The table name is the file name without {@code .csv}. Immutable, so one instance is
 * shared by every evaluation of its rule base.
 */
public final class ReferenceTables {

    private final Map<String, Map<String, TableRow>> tables;

    private ReferenceTables(Map<String, Map<String, TableRow>> tables) {
        this.tables = tables;
    }

    /** Parses the data tables among the files and adds a message for each one that cannot be read. */
    static ReferenceTables parse(List<RuleFile> files, List<RuleMessage> messages) {
        Map<String, Map<String, TableRow>> tables = new LinkedHashMap<>();
        for (RuleFile file : files) {
            if (file.isDataTable()) {
                String name = file.name().substring(0, file.name().length() - ".csv".length());
                tables.put(name, parseTable(name, file, messages));
            }
        }
        return new ReferenceTables(Map.copyOf(tables));
    }

    private static Map<String, TableRow> parseTable(String name, RuleFile file, List<RuleMessage> messages) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        Map<String, TableRow> rows = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(file.content()), format)) {
            List<String> columns = new ArrayList<>(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                addRow(name, file, columns, record, rows, messages);
            }
        } catch (IOException | RuntimeException unreadable) {
            messages.add(RuleMessage.error(file.name(), 1, "The data table cannot be read: "
                    + unreadable.getMessage() + "; write a header line, then one comma-separated row per line"));
        }
        return Map.copyOf(rows);
    }

    private static void addRow(String name, RuleFile file, List<String> columns, CSVRecord record,
            Map<String, TableRow> rows, List<RuleMessage> messages) {
        int line = (int) record.getRecordNumber() + 1;
        if (record.size() != columns.size()) {
            messages.add(RuleMessage.error(file.name(), line, "The row has " + record.size() + " cells but the "
                    + "header names " + columns.size() + " columns " + columns));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int index = 0; index < columns.size(); index++) {
            values.put(columns.get(index), record.get(index));
        }
        String key = normalise(record.get(0));
        if (rows.putIfAbsent(key, new TableRow(name, record.get(0), Map.copyOf(values))) != null) {
            messages.add(RuleMessage.error(file.name(), line, "The key '" + record.get(0) + "' appears twice; "
                    + "each row needs its own value in the first column"));
        }
    }

    /**
     * Returns the row with the key as a list of zero or one rows, so that DRL can write
     * {@code from tables.row(...)} and {@code not TableRow() from tables.row(...)}. Keys ignore case.
     */
    public List<TableRow> row(String table, Object key) {
        Map<String, TableRow> rows = tables.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("No data table '" + table + "' in the rule folder; the tables are "
                    + tables.keySet());
        }
        TableRow row = key == null ? null : rows.get(normalise(key.toString()));
        return row == null ? List.of() : List.of(row);
    }

    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        tables.forEach((name, rows) -> sizes.put(name, rows.size()));
        return sizes;
    }

    private static String normalise(String key) {
        return key.trim().toUpperCase(Locale.ROOT);
    }
}
