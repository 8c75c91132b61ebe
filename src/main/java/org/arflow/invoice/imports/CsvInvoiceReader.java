package org.arflow.invoice.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.arflow.clock.CompanyProperties;
import org.arflow.error.RejectedException;

/**
 * Reads an uploaded CSV file into rows of the invoice model: strips a UTF-8 byte order mark, rejects text
 * that is not UTF-8, recognises the layout by its header and parses every record before anything is stored.
 */
final class CsvInvoiceReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final List<CsvLayout> layouts;

    CsvInvoiceReader(CompanyProperties company) {
        this.layouts = List.of(new XeroCsvLayout(company), new ArflowCsvLayout());
    }

    ParsedFile read(byte[] content) {
        return parse(decode(content));
    }

    /** The layout a file was recognised as, and its rows in file order. */
    record ParsedFile(CsvLayout layout, List<ParsedRow> rows) {
    }

    private ParsedFile parse(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Columns columns = new Columns(parser.getHeaderNames());
            CsvLayout layout = detect(columns);
            List<ParsedRow> rows = new ArrayList<>();
            long lineBefore = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                rows.add(layout.parse(record, (int) lineBefore + 1, columns));
                lineBefore = parser.getCurrentLineNumber();
            }
            return new ParsedFile(layout, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException malformed) {
            Throwable cause = malformed instanceof UncheckedIOException && malformed.getCause() != null
                    ? malformed.getCause() : malformed;
            throw RejectedException.badRequest("malformed-csv", "The file is not valid CSV: " + cause.getMessage()
                    + "; check the quotes near that line");
        }
    }

    private CsvLayout detect(Columns columns) {
        for (CsvLayout layout : layouts) {
            if (columns.containsAll(layout.requiredColumns())) {
                return layout;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (CsvLayout layout : layouts) {
            expected.append(" ").append(layout.name()).append(": ").append(layout.requiredColumns()).append(";");
        }
        throw RejectedException.badRequest("unknown-csv-layout", "The header " + columns.names()
                + " matches no known layout. Required columns per layout:" + expected);
    }

    private static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        if (content.length - start == 0) {
            throw RejectedException.badRequest("empty-file", "The file is empty; send a CSV file with a header row");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw RejectedException.badRequest("invalid-encoding",
                    "The file is not UTF-8 text; export it as CSV UTF-8 and upload it again");
        }
    }
}
