package org.arflow.invoice.creditnote;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.arflow.ledger.Ledger;
import org.arflow.ledger.PostingKind;
import org.arflow.money.Money;
import org.arflow.testsupport.Fixtures;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CreditNoteApiIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    HistoryService historyService;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    String customerId;
    String invoiceNumber;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("C");
        invoiceNumber = unique("INV");
        LocalDate today = LocalDate.now(clock);
        api.post("/api/customers", customer(customerId, "EUR"));
        api.post("/api/invoices", invoice(invoiceNumber, customerId, "EUR", today.toString(),
                today.plusDays(30).toString(), "500.00"));
    }

    @Test
    void partialCreditNoteReducesBalance() {
        ResponseEntity<JsonNode> issued = api.post("/api/credit-notes", creditNote(unique("CN"), invoiceNumber,
                "120.00"));

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = api.get("/api/invoices/" + invoiceNumber).getBody();
        assertThat(invoice.get("openBalance").decimalValue()).isEqualByComparingTo("380.00");
        assertThat(invoice.get("status").asText()).isEqualTo("ISSUED");
    }

    @Test
    void fullCreditNoteEndsInvoiceCredited() {
        api.post("/api/credit-notes", creditNote(unique("CN"), invoiceNumber, "500.00"));

        JsonNode invoice = api.get("/api/invoices/" + invoiceNumber).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("CREDITED");
        String instanceId = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("invoiceToCash")
                .processInstanceBusinessKey(invoiceNumber).singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("invoiceCredited").count()).isEqualTo(1);
    }

    @Test
    void creditNoteAboveOpenBalanceIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/credit-notes", creditNote(unique("CN"), invoiceNumber,
                "500.01"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("detail").asText()).contains("exceeds the open balance");
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("500.00");
    }

    @Test
    void sameCreditNoteAgainIsIdempotent() {
        Map<String, Object> body = creditNote(unique("CN"), invoiceNumber, "50.00");
        api.post("/api/credit-notes", body);

        ResponseEntity<JsonNode> again = api.post("/api/credit-notes", body);
        body.put("amount", "60.00");
        ResponseEntity<JsonNode> changed = api.post("/api/credit-notes", body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("450.00");
    }

    @Test
    void creditNoteWithoutInvoiceIsUnappliedCredit() {
        Map<String, Object> body = creditNote(unique("CN"), null, "30.00");
        body.put("customer", customerId);

        api.post("/api/credit-notes", body);

        JsonNode balances = api.get("/api/customers/" + customerId).getBody().get("balances");
        assertThat(balances.get(0).get("unappliedCredit").decimalValue()).isEqualByComparingTo("30.00");
    }

    @Test
    void ublCreditNoteImportIsApplied() throws Exception {
        String number = unique("CN");
        byte[] xml = new String(getClass().getResourceAsStream("/fixtures/ubl-credit-note.xml").readAllBytes(),
                StandardCharsets.UTF_8).replace("{{NUMBER}}", number)
                .replace("{{INVOICE}}", invoiceNumber).getBytes(StandardCharsets.UTF_8);

        JsonNode first = api.upload("/api/invoices/import", "credit-note.xml", xml).getBody();
        JsonNode again = api.upload("/api/invoices/import", "credit-note.xml", xml).getBody();

        assertThat(first.get("creditNotesCreated").get(0).asText()).isEqualTo(number);
        assertThat(again.get("creditNotesAlreadyPresent").get(0).asText()).isEqualTo(number);
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("381.00");
    }

    @Test
    void creditNoteLowersOverdueBalance() {
        String overdue = unique("INV");
        LocalDate today = LocalDate.now(clock);
        api.post("/api/invoices", invoice(overdue, customerId, "EUR", today.minusDays(40).toString(),
                today.minusDays(10).toString(), "300.00"));
        BigDecimal before = overdueBalance();

        api.post("/api/credit-notes", creditNote(unique("CN"), overdue, "100.00"));

        assertThat(before.subtract(overdueBalance())).isEqualByComparingTo("100.00");
    }

    private BigDecimal overdueBalance() {
        return api.get("/api/customers/" + customerId).getBody().get("balances").get(0).get("overdueBalance")
                .decimalValue();
    }

    @Test
    void chargesStayOwedUntilWaived() {
        ledger.post(customerIdNumber(), invoiceId(), null, PostingKind.FEE,
                Money.exact(new BigDecimal("40.00"), Currency.getInstance("EUR")), LocalDate.now(clock));
        api.post("/api/payments", Fixtures.payment(customerId, "500.00", "EUR", LocalDate.now(clock).toString(),
                invoiceNumber));

        JsonNode principalPaid = api.get("/api/invoices/" + invoiceNumber).getBody();
        ResponseEntity<JsonNode> tooMuch = api.post("/api/invoices/" + invoiceNumber + "/waivers",
                Map.of("kind", "FEE", "amount", "40.01", "reason", "goodwill"));
        ResponseEntity<JsonNode> noReason = api.post("/api/invoices/" + invoiceNumber + "/waivers",
                Map.of("kind", "INTEREST", "amount", "1.00"));
        ResponseEntity<JsonNode> waived = api.post("/api/invoices/" + invoiceNumber + "/waivers",
                Map.of("kind", "FEE", "amount", "40.00", "reason", "goodwill after the delivery delay"));

        assertThat(principalPaid.get("openBalance").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(principalPaid.get("status").asText()).isEqualTo("ISSUED");
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noReason.getBody().get("violations").findValuesAsText("field")).contains("reason");
        assertThat(waived.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(waived.getBody().get("openBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("status").asText()).isEqualTo("PAID");
    }

    private long invoiceId() {
        return jdbc.sql("select id from invoice where invoice_number = ?").param(invoiceNumber).query(Long.class)
                .single();
    }

    private long customerIdNumber() {
        return jdbc.sql("select id from customer where external_id = ?").param(customerId).query(Long.class)
                .single();
    }

    private static Map<String, Object> creditNote(String number, String invoiceNumber, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditNoteNumber", number);
        body.put("invoiceNumber", invoiceNumber);
        body.put("amount", amount);
        body.put("reason", "Two chairs returned damaged");
        return body;
    }
}
