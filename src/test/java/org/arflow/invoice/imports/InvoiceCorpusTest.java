package org.arflow.invoice.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.arflow.clock.CompanyProperties;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.invoice.InvoiceDraft;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the real sample files in the folder named by the system property {@code arflow.corpus.dir}. Each
 * CSV file in an invoice layout must read without a rejected row. Files in other layouts, such as bank
 * statements and settlement reports, are listed and left to their own importers.
 */
class InvoiceCorpusTest {

    private final CsvInvoiceReader reader = new CsvInvoiceReader(new CompanyProperties("Corpus Co",
            ZoneId.of("Europe/London"), "GB", "GBP", "Pay us", "ar@corpus.example"));

    @Test
    void invoiceFilesInCorpusReadWithoutRejections() throws IOException {
        String corpus = System.getProperty("arflow.corpus.dir", "");
        Assumptions.assumeFalse(corpus.isBlank(), "arflow.corpus.dir is not set, so the corpus test is skipped");
        Assumptions.assumeTrue(Files.isDirectory(Path.of(corpus)), "the corpus folder " + corpus
                + " does not exist, so the corpus test is skipped");
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(corpus))) {
            files = listing.filter(path -> path.toString().endsWith(".csv")).sorted().toList();
        }
        int invoiceFiles = 0;
        for (Path file : files) {
            CsvInvoiceReader.ParsedFile parsed = readOrNull(file);
            if (parsed == null) {
                System.out.println("Corpus file not in an invoice layout: " + file.getFileName());
                continue;
            }
            invoiceFiles++;
            List<Violation> violations = new ArrayList<>();
            parsed.rows().forEach(row -> violations.addAll(row.violations()));
            assertThat(violations).as(file.getFileName().toString()).isEmpty();
        }
        assertThat(invoiceFiles).as("invoice files in " + corpus).isPositive();
    }

    @Test
    void xeroSampleGroupsLinesIntoThreeInvoices() throws IOException {
        String corpus = System.getProperty("arflow.corpus.dir", "");
        Assumptions.assumeFalse(corpus.isBlank(), "arflow.corpus.dir is not set, so the corpus test is skipped");
        Path sample = Path.of(corpus, "xero_sales_invoices_sample.csv");
        Assumptions.assumeTrue(Files.exists(sample), "no Xero sample in " + corpus);

        CsvInvoiceReader.ParsedFile parsed = reader.read(Files.readAllBytes(sample));

        Map<String, List<InvoiceDraft.LineDraft>> lines = new LinkedHashMap<>();
        parsed.rows().forEach(row -> lines.computeIfAbsent(row.invoiceNumber(), number -> new ArrayList<>())
                .add(row.invoiceLine()));
        assertThat(parsed.layout().name()).isEqualTo("xero");
        assertThat(lines.keySet()).containsExactly("INV-2001", "INV-2002", "INV-2003");
        assertThat(lines.get("INV-2001")).hasSize(2);
        assertThat(lines.get("INV-2001").get(0).description()).isEqualTo("Shelf brackets, steel");
        assertThat(lines.get("INV-2002").get(0).discountPercent()).isEqualByComparingTo("10");
        assertThat(parsed.rows().get(3).currency()).isEqualTo("EUR");
    }

    private CsvInvoiceReader.ParsedFile readOrNull(Path file) throws IOException {
        try {
            return reader.read(Files.readAllBytes(file));
        } catch (RejectedException notAnInvoiceFile) {
            return null;
        }
    }
}
