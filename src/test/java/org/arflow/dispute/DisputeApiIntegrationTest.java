package org.arflow.dispute;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.payment;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DisputeApiIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

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
                today.plusDays(30).toString(), "800.00"));
    }

    @Test
    void opensDisputeForPartOfInvoice() {
        ResponseEntity<JsonNode> opened = api.post(disputes(), dispute("quantity", "120.00"));

        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = opened.getBody();
        assertThat(body.get("reasonCode").asText()).isEqualTo("QUANTITY");
        assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.get("raisedBy").asText()).isEqualTo("admin");
        JsonNode stored = api.get("/api/disputes/" + body.get("id").asLong()).getBody().get("dispute");
        assertThat(stored.get("invoiceNumber").asText()).isEqualTo(invoiceNumber);
        assertThat(stored.get("ownerGroup").asText()).isEqualTo("billing");
        assertThat(jdbc.sql("select count(*) from domain_event where event_type = 'DisputeOpened' and subject_id = ?")
                .param(invoiceNumber).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void disputeWithoutAmountCoversOpenBalance() {
        JsonNode body = api.post(disputes(), dispute("NOT_RECEIVED", null)).getBody();

        assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("800.00");
    }

    @Test
    void rejectsUnknownReasonAndAmountAboveBalance() {
        ResponseEntity<JsonNode> rejected = api.post(disputes(), dispute("GRUMPY", "900.00"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("reasonCode", "amount");
        assertThat(rejected.getBody().get("detail").asText()).contains("PRICING", "exceeds the open balance");
        assertThat(api.get(disputes()).getBody()).isEmpty();
    }

    @Test
    void secondOpenDisputeIsConflict() {
        api.post(disputes(), dispute("PRICING", "10.00"));

        ResponseEntity<JsonNode> second = api.post(disputes(), dispute("QUALITY", "10.00"));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get(disputes()).getBody()).hasSize(1);
    }

    @Test
    void paidOrUnknownInvoiceCannotBeDisputed() {
        api.post("/api/payments", payment(customerId, "800.00", "EUR", LocalDate.now(clock).toString(),
                invoiceNumber));

        ResponseEntity<JsonNode> paid = api.post(disputes(), dispute("PRICING", "1.00"));
        ResponseEntity<JsonNode> unknown = api.post("/api/invoices/NO-SUCH/disputes", dispute("PRICING", "1.00"));

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(paid.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:invoice-settled");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String disputes() {
        return "/api/invoices/" + invoiceNumber + "/disputes";
    }

    private static Map<String, Object> dispute(String reason, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("reasonCode", reason);
        body.put("amount", amount);
        body.put("description", "Only 8 of the 10 chairs arrived");
        return body;
    }
}
