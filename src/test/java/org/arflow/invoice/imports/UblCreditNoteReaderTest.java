package org.arflow.invoice.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.arflow.error.RejectedException;
import org.arflow.invoice.creditnote.CreditNoteService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class UblCreditNoteReaderTest {

    @Test
    void readsNumberInvoiceAndPayableAmount() throws IOException {
        CreditNoteService.CreditNoteRequest request = UblCreditNoteReader.read(fixture("CN-7", "INV-7"));

        assertThat(request.creditNoteNumber()).isEqualTo("CN-7");
        assertThat(request.invoiceNumber()).isEqualTo("INV-7");
        assertThat(request.amount()).isEqualByComparingTo("119.00");
        assertThat(request.currency()).isEqualTo("EUR");
        assertThat(request.issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(request.reason()).contains("Two chairs returned");
    }

    @Test
    void refusesDocumentTypeDeclarations() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CreditNote xmlns=\"" + UblCreditNoteReader.CREDIT_NOTE + "\">&e;</CreditNote>";

        assertThatThrownBy(() -> UblCreditNoteReader.read(hostile.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void refusesOtherDocumentsAndMissingReference() {
        String invoice = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>";
        String unreferenced = "<CreditNote xmlns=\"" + UblCreditNoteReader.CREDIT_NOTE + "\"/>";

        assertThatThrownBy(() -> UblCreditNoteReader.read(invoice.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("ARflow imports UBL 2.1 credit notes");
        assertThatThrownBy(() -> UblCreditNoteReader.read(unreferenced.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("InvoiceDocumentReference");
    }

    @Test
    void refusesInconsistentTotals() throws IOException {
        String payable = "<cbc:PayableAmount currencyID=\"EUR\">";
        String broken = new String(fixture("CN-8", "INV-8"), StandardCharsets.UTF_8)
                .replace(payable + "119.00", payable + "99.00");

        assertThatThrownBy(() -> UblCreditNoteReader.read(broken.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("PayableAmount '99.00'");
    }

    @Test
    void readsPeppolCreditNoteFromCorpus() throws IOException {
        String corpus = System.getProperty("arflow.corpus.dir", "");
        Assumptions.assumeFalse(corpus.isBlank(), "arflow.corpus.dir is not set, so the corpus test is skipped");
        Path sample = Path.of(corpus, "peppol_bis3_creditnote_correction.xml");
        Assumptions.assumeTrue(Files.exists(sample), "no Peppol credit note in " + corpus);

        CreditNoteService.CreditNoteRequest request = UblCreditNoteReader.read(Files.readAllBytes(sample));

        assertThat(request.invoiceNumber()).isNotBlank();
        assertThat(request.amount()).isPositive();
        assertThat(request.currency()).hasSize(3);
    }

    static byte[] fixture(String number, String invoice) throws IOException {
        try (InputStream in = UblCreditNoteReaderTest.class.getResourceAsStream("/fixtures/ubl-credit-note.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{NUMBER}}", number)
                    .replace("{{INVOICE}}", invoice).getBytes(StandardCharsets.UTF_8);
        }
    }
}
