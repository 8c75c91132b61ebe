package org.arflow.invoice;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class InvoiceApiIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    TestApi api;
    String customerId;
    String today;
    String inThirtyDays;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("C");
        api.post("/api/customers", customer(customerId, "EUR"));
        LocalDate date = LocalDate.now(clock);
        today = date.toString();
        inThirtyDays = date.plusDays(30).toString();
    }

    @Test
    void issuesInvoiceWithContractFields() {
        String number = unique("INV");

        ResponseEntity<JsonNode> created = api.post("/api/invoices",
                invoice(number, customerId, "EUR", today, inThirtyDays, "250.00"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = api.get("/api/invoices/" + number).getBody();
        assertThat(body.get("invoiceNumber").asText()).isEqualTo(number);
        assertThat(body.get("customer").asText()).isEqualTo(customerId);
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("totalAmount").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(body.get("openBalance").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(body.get("dueDate").asText()).isEqualTo(inThirtyDays);
        assertThat(body.get("status").asText()).isEqualTo("ISSUED");
        assertThat(body.get("processInstanceId").isNull()).isFalse();
        assertThat(api.get("/api/customers/" + customerId).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("250.00");
    }

    @Test
    void sameInvoiceAgainReturnsStoredOne() {
        Map<String, Object> body = invoice(unique("INV"), customerId, "EUR", today, inThirtyDays, "99.99");
        api.post("/api/invoices", body);

        ResponseEntity<JsonNode> again = api.post("/api/invoices", body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/customers/" + customerId).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("99.99");
    }

    @Test
    void differentContentUnderSameNumberIsConflict() {
        String number = unique("INV");
        api.post("/api/invoices", invoice(number, customerId, "EUR", today, inThirtyDays, "100.00"));

        ResponseEntity<JsonNode> conflict = api.post("/api/invoices",
                invoice(number, customerId, "EUR", today, inThirtyDays, "200.00"));

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:invoice-conflict");
        assertThat(conflict.getBody().get("detail").asText()).contains(number);
        assertThat(api.get("/api/invoices/" + number).getBody().get("totalAmount").decimalValue())
                .isEqualByComparingTo("100.00");
    }

    @Test
    void dueDateBeforeIssueDateIsRejected() {
        String number = unique("INV");

        ResponseEntity<JsonNode> rejected = api.post("/api/invoices",
                invoice(number, customerId, "EUR", inThirtyDays, today, "100.00"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").findValuesAsText("field")).containsExactly("dueDate");
        assertThat(api.get("/api/invoices/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsEveryInvalidLineField() {
        Map<String, Object> body = invoice(unique("INV"), customerId, "EUR", today, inThirtyDays, "-5");
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) body.get("lines")).get(0);
        line.put("quantity", -1);
        line.put("taxAmount", "1.005");

        ResponseEntity<JsonNode> rejected = api.post("/api/invoices", body);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").findValuesAsText("field")).containsExactlyInAnyOrder(
                "lines[0].quantity", "lines[0].unitPrice", "lines[0].taxAmount");
        assertThat(rejected.getBody().get("detail").asText()).contains("'1.005'", "more decimals");
    }

    @Test
    void unknownCurrencyIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/invoices",
                invoice(unique("INV"), customerId, "EUX", today, inThirtyDays, "10.00"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").get(0).get("value").asText()).isEqualTo("EUX");
    }

    @Test
    void impossibleDateIsBadRequestNamingField() {
        Map<String, Object> body = invoice(unique("INV"), customerId, "EUR", "2026-02-31", inThirtyDays, "10.00");

        ResponseEntity<JsonNode> rejected = api.post("/api/invoices", body);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("detail").asText()).contains("issueDate", "2026-02-31");
    }

    @Test
    void unknownCustomerIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/invoices",
                invoice(unique("INV"), unique("NOBODY"), "EUR", today, inThirtyDays, "10.00"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").get(0).get("field").asText()).isEqualTo("customer");
    }

    @Test
    void listsInvoicesByCustomerAndStatus() {
        String first = unique("INV");
        String second = unique("INV");
        api.post("/api/invoices", invoice(first, customerId, "EUR", today, inThirtyDays, "10.00"));
        api.post("/api/invoices", invoice(second, customerId, "EUR", today, inThirtyDays, "20.00"));

        JsonNode page = api.get("/api/invoices?customer=" + customerId + "&status=ISSUED&size=1").getBody();

        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("totalPages").asLong()).isEqualTo(2);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("content").get(0).get("invoiceNumber").asText()).isEqualTo(first);
        JsonNode paid = api.get("/api/invoices?customer=" + customerId + "&status=PAID").getBody();
        assertThat(paid.get("totalElements").asLong()).isZero();
    }

    @Test
    void numberWithSlashIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/invoices",
                invoice("INV/2026/001", customerId, "EUR", today, inThirtyDays, "10.00"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("detail").asText()).contains("'INV/2026/001'", "letters, digits");
    }

    @Test
    void hugeAmountsAreRejectedNotFailed() {
        ResponseEntity<JsonNode> rejected = api.post("/api/invoices",
                invoice(unique("INV"), customerId, "EUR", today, inThirtyDays, "1e15"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("detail").asText()).contains("too large");
    }

    @Test
    void metalCurrencyCodeIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/invoices",
                invoice(unique("INV"), customerId, "XAU", today, inThirtyDays, "10.00"));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").get(0).get("field").asText()).isEqualTo("currency");
    }

    @Test
    void concurrentIdenticalPostsAllSucceed() throws Exception {
        Map<String, Object> body = invoice(unique("INV"), customerId, "EUR", today, inThirtyDays, "75.00");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
        for (int request = 0; request < 6; request++) {
            responses.add(pool.submit(() -> api.post("/api/invoices", body)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> response : responses) {
            statuses.add(response.get(60, TimeUnit.SECONDS).getStatusCode().value());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).containsOnlyOnce(201);
    }

    @Test
    void invalidPagingIsBadRequest() {
        ResponseEntity<JsonNode> rejected = api.get("/api/invoices?size=0");

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("violations").get(0).get("field").asText()).isEqualTo("size");
    }

    @Test
    void unknownFieldAndPathAreProblems() {
        Map<String, Object> body = invoice(unique("INV"), customerId, "EUR", today, inThirtyDays, "10.00");
        body.put("colour", "blue");

        ResponseEntity<JsonNode> unknownField = api.post("/api/invoices", body);
        ResponseEntity<JsonNode> unknownPath = api.get("/api/no-such-thing");

        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("detail").asText()).contains("colour", "not a known field")
                .doesNotContain("org.arflow");
        assertThat(unknownPath.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownPath.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:not-found");
    }

    @Test
    void invalidStatusFilterIsBadRequest() {
        ResponseEntity<JsonNode> rejected = api.get("/api/invoices?status=LOST");

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("detail").asText()).contains("status", "LOST", "OVERDUE");
    }
}
