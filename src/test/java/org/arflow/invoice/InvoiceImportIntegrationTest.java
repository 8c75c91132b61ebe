package org.arflow.invoice;

import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import org.arflow.testsupport.CsvFixtures;
import org.arflow.testsupport.Fixtures;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class InvoiceImportIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    RuntimeService runtimeService;

    TestApi api;
    String prefix;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        prefix = unique("T");
        today = LocalDate.now(clock);
    }

    @Test
    void importsXeroFileWithBomAndCrlf() {
        byte[] file = CsvFixtures.load("xero-invoices.csv", prefix, today.minusDays(2), today.plusDays(28));

        JsonNode report = api.upload("/api/invoices/import", "invoices.csv", file).getBody();

        assertThat(report.get("layout").asText()).isEqualTo("xero");
        assertThat(report.get("rowsRead").asInt()).isEqualTo(3);
        assertThat(texts(report.get("invoicesCreated"))).containsExactly(prefix + "-101", prefix + "-102");
        assertThat(report.get("rejected")).isEmpty();

        JsonNode gbp = api.get("/api/invoices/" + prefix + "-101").getBody();
        assertThat(gbp.get("customer").asText()).isEqualTo(prefix + " Hardware Ltd");
        assertThat(gbp.get("netAmount").decimalValue()).isEqualByComparingTo("102.00");
        assertThat(gbp.get("taxAmount").decimalValue()).isEqualByComparingTo("20.40");
        assertThat(gbp.get("totalAmount").decimalValue()).isEqualByComparingTo("122.40");
        assertThat(gbp.get("openBalance").decimalValue()).isEqualByComparingTo("122.40");
        assertThat(gbp.get("status").asText()).isEqualTo("ISSUED");
        assertThat(gbp.get("lines").get(0).get("description").asText()).isEqualTo("Brackets, galvanised");
        assertThat(gbp.get("lines").get(1).get("discountPercent").decimalValue()).isEqualByComparingTo("10");
        JsonNode eur = api.get("/api/invoices/" + prefix + "-102").getBody();
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        JsonNode customer = api.get("/api/customers/" + prefix + " Logistik GmbH").getBody();
        assertThat(customer.get("country").asText()).isEqualTo("DE");
        assertThat(customer.get("locale").asText()).isEqualTo("de-DE");
    }

    @Test
    void startsInstanceAndEmailPerInvoice() {
        byte[] file = CsvFixtures.load("xero-invoices.csv", prefix, today.minusDays(2), today.plusDays(28));

        api.upload("/api/invoices/import", "invoices.csv", file);

        for (String number : List.of(prefix + "-101", prefix + "-102")) {
            assertThat(instances(number))
                    .as("instances of %s", number).isEqualTo(1);
            JsonNode messages = api.get("/api/messages?invoice=" + number).getBody();
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("subject").asText()).contains(number);
        }
    }

    @Test
    void importingSameFileAgainCreatesNothing() {
        byte[] file = CsvFixtures.load("xero-invoices.csv", prefix, today.minusDays(2), today.plusDays(28));
        api.upload("/api/invoices/import", "invoices.csv", file);

        JsonNode again = api.upload("/api/invoices/import", "invoices.csv", file).getBody();

        assertThat(again.get("invoicesCreated")).isEmpty();
        assertThat(texts(again.get("invoicesAlreadyPresent"))).containsExactly(prefix + "-101", prefix + "-102");
        assertThat(instances(prefix + "-101"))
                .isEqualTo(1);
        assertThat(api.get("/api/messages?invoice=" + prefix + "-101").getBody()).hasSize(1);
    }

    @Test
    void storesValidInvoicesOnly() {
        byte[] file = CsvFixtures.load("xero-one-bad-invoice.csv", prefix, today.minusDays(1), today.plusDays(30));

        JsonNode report = api.upload("/api/invoices/import", "invoices.csv", file).getBody();

        assertThat(texts(report.get("invoicesCreated"))).containsExactly(prefix + "-201");
        JsonNode rejected = report.get("rejected");
        assertThat(rejected.findValuesAsText("field")).containsExactlyInAnyOrder("*InvoiceDate", "*UnitAmount");
        assertThat(rejected.findValuesAsText("line")).containsOnly("4");
        assertThat(rejected.findValuesAsText("invoiceNumber")).containsOnly(prefix + "-202");
        assertThat(rejected.findValuesAsText("value")).contains("31/02/2026", "abc");
        assertThat(api.get("/api/invoices/" + prefix + "-202").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/customers/" + prefix + " Bad Ltd").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(instances(prefix + "-202"))
                .isZero();
    }

    @Test
    void importsOwnLayoutAndRegistersCustomer() {
        byte[] file = CsvFixtures.load("arflow-invoices.csv", prefix, today, today.plusDays(14));

        JsonNode report = api.upload("/api/invoices/import", "invoices.csv", file).getBody();

        assertThat(report.get("layout").asText()).isEqualTo("arflow");
        assertThat(texts(report.get("invoicesCreated"))).containsExactly(prefix + "-301");
        JsonNode invoice = api.get("/api/invoices/" + prefix + "-301").getBody();
        assertThat(invoice.get("totalAmount").decimalValue()).isEqualByComparingTo("583.20");
        assertThat(invoice.get("source").asText()).isEqualTo("ARFLOW_CSV");
        assertThat(api.get("/api/customers/" + prefix + "-CUST").getBody().get("locale").asText())
                .isEqualTo("fr-FR");
    }

    @Test
    void pastDueInvoiceOverdueAtOnce() {
        byte[] file = CsvFixtures.load("xero-invoices.csv", prefix, today.minusDays(40), today.minusDays(10));

        api.upload("/api/invoices/import", "invoices.csv", file);

        JsonNode invoice = api.get("/api/invoices/" + prefix + "-101").getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(invoice.get("overdueOn").asText()).isEqualTo(today.minusDays(9).toString());
        JsonNode messages = api.get("/api/messages?invoice=" + prefix + "-101").getBody();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("subject").asText()).contains("overdue");
        assertThat(invoiceToCash(prefix + "-101").activityIdIn("balanceChangedAfterDueDate").count()).isEqualTo(1);
    }

    @Test
    void sendInvoicesFalseQueuesNoEmail() {
        byte[] file = CsvFixtures.load("xero-invoices.csv", prefix, today, today.plusDays(30));

        api.upload("/api/invoices/import?sendInvoices=false", "invoices.csv", file);

        assertThat(api.get("/api/invoices/" + prefix + "-101").getBody().get("sendInvoice").asBoolean()).isFalse();
        assertThat(api.get("/api/messages?invoice=" + prefix + "-101").getBody()).isEmpty();
        assertThat(instances(prefix + "-101"))
                .isEqualTo(1);
    }

    @Test
    void unknownLayoutIsBadRequestListingExpectedColumns() {
        byte[] file = "Name,Amount\nAcme,10.00\n".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> rejected = api.upload("/api/invoices/import", "other.csv", file);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:unknown-csv-layout");
        assertThat(rejected.getBody().get("detail").asText()).contains("[Name, Amount]", "*InvoiceNumber",
                "invoice_number");
    }

    @Test
    void malformedCsvIsBadRequestAndStoresNothing() {
        String text = new String(CsvFixtures.load("xero-invoices.csv", prefix, today, today.plusDays(30)),
                StandardCharsets.UTF_8) + "\"unterminated,quote\r\n";

        ResponseEntity<JsonNode> rejected = api.upload("/api/invoices/import", "broken.csv",
                text.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:malformed-csv");
        assertThat(api.get("/api/invoices/" + prefix + "-101").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void oversizedUploadIsPayloadTooLarge() {
        byte[] file = new byte[11 * 1024 * 1024];

        ResponseEntity<JsonNode> rejected = api.upload("/api/invoices/import", "huge.csv", file);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(rejected.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:upload-too-large");
    }

    @Test
    void ambiguousContactNameIsRejected() {
        for (String id : List.of(prefix + "-A", prefix + "-B")) {
            Map<String, Object> customer = Fixtures.customer(id, "GBP");
            customer.put("name", prefix + " Twin Ltd");
            api.post("/api/customers", customer);
        }
        String csv = "*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,*Description,*Quantity,*UnitAmount\n"
                + prefix + " Twin Ltd," + prefix + "-401,01/01/2026,31/01/2026,Work,1,10.00\n";

        JsonNode report = api.upload("/api/invoices/import", "twins.csv", csv.getBytes(StandardCharsets.UTF_8))
                .getBody();

        assertThat(report.get("invoicesCreated")).isEmpty();
        assertThat(report.get("rejected").get(0).get("field").asText()).isEqualTo("*ContactName");
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("matches 2 customers");
    }

    @Test
    void oversizedCsvBodyIsPayloadTooLarge() {
        byte[] body = new byte[11 * 1024 * 1024];
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));

        ResponseEntity<JsonNode> rejected = rest.withBasicAuth("admin", TestApi.ADMIN_PASSWORD).exchange(
                "/api/invoices/import", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(rejected.getBody().get("detail").asText()).contains("10 MB");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private long instances(String invoiceNumber) {
        return invoiceToCash(invoiceNumber).count();
    }

    private ProcessInstanceQuery invoiceToCash(String invoiceNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("invoiceToCash")
                .processInstanceBusinessKey(invoiceNumber);
    }
}
