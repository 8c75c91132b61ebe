package org.arflow.invoice.imports;

import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** A CSV layout that invoices can be imported from, recognised by its header. */
interface CsvLayout {

    /** The layout's name in import reports, such as {@code xero}. */
    String name();

    /** The columns a file must have, as written in the header. */
    List<String> requiredColumns();

    /**
     * The column each model field comes from, so that a rejection names the column the user edits. Keys
     * are the field names of {@code InvoiceDraft}, its lines and {@code CustomerDetails}.
     */
    Map<String, String> columnsByField();

    /** Whether customers are found by contact name (Xero has no customer id) rather than by external id. */
    boolean matchesCustomersByName();

    /** Reads one record; {@code column} looks a value up by its normalised header name. */
    ParsedRow parse(CSVRecord record, int line, Columns columns);
}
