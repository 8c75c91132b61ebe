package org.arflow.invoice;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.payment;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
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

/** Moves the simulation clock through an invoice's life: issued, due, overdue, paid. */
@IntegrationTest
class InvoiceLifecycleIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService historyService;

    TestApi api;
    String customerId;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("C");
        api.post("/api/customers", customer(customerId, "GBP"));
        today = LocalDate.now(clock);
    }

    @Test
    void overdueDayAfterDueDate() {
        String number = unique("INV");
        LocalDate due = today.plusDays(3);
        api.post("/api/invoices", invoice(number, customerId, "GBP", today.toString(), due.toString(), "300.00"));

        moveClockTo(due);
        assertThat(status(number)).isEqualTo("ISSUED");

        JsonNode move = moveClockTo(due.plusDays(1));
        assertThat(move.get("today").asText()).isEqualTo(due.plusDays(1).toString());
        assertThat(move.get("jobsExecuted").asInt()).isPositive();
        JsonNode overdue = api.get("/api/invoices/" + number).getBody();
        assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("overdueOn").asText()).isEqualTo(due.plusDays(1).toString());
        assertThat(overdueEvents(number)).isEqualTo(1);

        api.post("/api/payments", payment(customerId, "300.00", "GBP", due.plusDays(1).toString(), number));

        assertThat(status(number)).isEqualTo("PAID");
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("invoicePaid")
                .processInstanceId(processInstanceOf(number)).count()).isEqualTo(1);
    }

    @Test
    void paidBeforeDueDateNeverBecomesOverdue() {
        String number = unique("INV");
        LocalDate due = today.plusDays(2);
        api.post("/api/invoices", invoice(number, customerId, "GBP", today.toString(), due.toString(), "40.00"));
        api.post("/api/payments", payment(customerId, "40.00", "GBP", today.toString(), number));

        moveClockTo(due.plusDays(5));

        assertThat(status(number)).isEqualTo("PAID");
        assertThat(overdueEvents(number)).isZero();
    }

    @Test
    void partialPaymentAfterDueDateKeepsInvoiceOverdue() {
        String number = unique("INV");
        LocalDate due = today.plusDays(1);
        api.post("/api/invoices", invoice(number, customerId, "GBP", today.toString(), due.toString(), "100.00"));
        moveClockTo(due.plusDays(1));

        api.post("/api/payments", payment(customerId, "30.00", "GBP", due.plusDays(1).toString(), number));

        JsonNode invoice = api.get("/api/invoices/" + number).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(invoice.get("openBalance").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(invoice.get("processInstanceId").isNull()).isFalse();
    }

    @Test
    void movingToTodayChangesNothing() {
        ResponseEntity<JsonNode> moved = api.post("/api/simulation/clock", Map.of("date", today.toString()));

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().get("today").asText()).isEqualTo(today.toString());
    }

    @Test
    void clockNeverMovesBack() {
        ResponseEntity<JsonNode> rejected = api.post("/api/simulation/clock",
                Map.of("date", today.minusDays(1).toString()));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:clock-moves-forward-only");
        assertThat(LocalDate.now(clock)).isEqualTo(today);
    }

    private JsonNode moveClockTo(LocalDate date) {
        ResponseEntity<JsonNode> moved = api.post("/api/simulation/clock", Map.of("date", date.toString()));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        return moved.getBody();
    }

    private String status(String number) {
        return api.get("/api/invoices/" + number).getBody().get("status").asText();
    }

    private long overdueEvents(String number) {
        return jdbc.sql("select count(*) from domain_event where event_type = 'InvoiceOverdue' and subject_id = ?")
                .param(number).query(Long.class).single();
    }

    private String processInstanceOf(String number) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("invoiceToCash")
                .processInstanceBusinessKey(number).singleResult().getId();
    }
}
