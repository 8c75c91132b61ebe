package org.arflow.invoice.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.arflow.clock.CompanyProperties;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.junit.jupiter.api.Test;

class CsvInvoiceReaderTest {

    private static final String XERO_HEADER = "*ContactName,EmailAddress,POCountry,*InvoiceNumber,Reference,"
            + "*InvoiceDate,*DueDate,Total,*Description,*Quantity,*UnitAmount,Discount,TaxAmount,Currency";

    private final CsvInvoiceReader reader = new CsvInvoiceReader(new CompanyProperties("Test Co",
            ZoneId.of("Europe/London"), "GB", "GBP", "Pay us", "ar@test.example"));

    @Test
    void readsXeroWithBomAndCrlf() {
        String csv = "\uFEFF" + XERO_HEADER + "\r\n"
                + "Acme Ltd,ap@acme.example,United Kingdom,INV-1,PO-1,03/11/2026,03/12/2026,,\"Bolts, steel\","
                + "10,1.25,5,2.38,GBP\r\n"
                + "Acme Ltd,ap@acme.example,United Kingdom,INV-1,PO-1,03/11/2026,03/12/2026,,Nuts,4,0.50,,,\r\n";

        CsvInvoiceReader.ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(file.layout().name()).isEqualTo("xero");
        assertThat(file.rows()).hasSize(2);
        ParsedRow first = file.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.issueDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(first.invoiceLine().description()).isEqualTo("Bolts, steel");
        assertThat(first.invoiceLine().discountPercent()).isEqualByComparingTo("5");
        assertThat(first.contact().country()).isEqualTo("United Kingdom");
        assertThat(first.violations()).isEmpty();
        ParsedRow second = file.rows().get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.currency()).as("blank currency means the company's").isEqualTo("GBP");
        assertThat(second.invoiceLine().taxAmount()).isNull();
    }

    @Test
    void reportsInvalidValuesWithLine() {
        String csv = XERO_HEADER + "\n"
                + "Acme Ltd,,,INV-2,,31/02/2026,2026-03-31,,Bolts,ten,1.2.3,,,EUR\n";

        List<Violation> violations = reader.read(csv.getBytes(StandardCharsets.UTF_8)).rows().get(0).violations();

        assertThat(violations).extracting(Violation::field)
                .containsExactly("*InvoiceDate", "*DueDate", "*Quantity", "*UnitAmount");
        assertThat(violations).extracting(Violation::line).containsOnly(2);
        assertThat(violations.get(0).reason()).contains("DD/MM/YYYY");
    }

    @Test
    void readsOwnLayoutWithIsoDates() {
        String csv = "invoice_number,customer_id,issue_date,due_date,currency,description,quantity,unit_price\n"
                + "A-1,CUST-9,2026-01-31,2026-03-02,EUR,Service,1,99.00\n";

        CsvInvoiceReader.ParsedFile file = reader.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(file.layout().name()).isEqualTo("arflow");
        assertThat(file.rows().get(0).customerKey()).isEqualTo("CUST-9");
        assertThat(file.rows().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(file.rows().get(0).contact()).isNull();
    }

    @Test
    void rejectsUnknownLayoutEmptyFileAndBadEncoding() {
        assertThatThrownBy(() -> reader.read("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("matches no known layout");
        assertThatThrownBy(() -> reader.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
                .hasMessageContaining("The file is empty");
        byte[] latin1 = (XERO_HEADER + "\nCaf\u00e9,,,X,,01/01/2026,01/02/2026,,A,1,1,,,EUR\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(latin1)).hasMessageContaining("not UTF-8");
    }

    @Test
    void rejectsUnterminatedQuote() {
        String csv = XERO_HEADER + "\nAcme,,,INV-3,,01/01/2026,01/02/2026,,\"Bolts,1,1,,,EUR\n";

        assertThatThrownBy(() -> reader.read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("not valid CSV");
    }
}
