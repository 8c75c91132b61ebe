package org.arflow.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row of a data table in the rule folder, keyed by its first column. Rules read it through the
 * {@code tables} global, for example {@code TableRow() from tables.row("country-risk", $country)}.
 *
 * @param values the row's cells by column name, as written in the file
 */
public record TableRow(String table, String key, Map<String, String> values) {

    /** Returns the cell of a column, or throws when the table has no such column. */
    public String text(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("Data table " + table + " has no column '" + column
                    + "'; its columns are " + values.keySet());
        }
        return values.get(column);
    }

    /** Returns the cell of a column as a number. */
    public BigDecimal number(String column) {
        return new BigDecimal(text(column).trim());
    }
}
