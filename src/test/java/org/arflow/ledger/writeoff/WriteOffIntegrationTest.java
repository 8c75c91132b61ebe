package org.arflow.ledger.writeoff;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.payment;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Write-offs under four eyes: requested through the API, decided in Tasklist by another credit manager. */
@IntegrationTest
class WriteOffIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    HistoryService historyService;

    TestApi api;
    String customerId;
    String invoiceNumber;
    String today;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("W");
        invoiceNumber = unique("WI");
        LocalDate date = LocalDate.now(clock);
        today = date.toString();
        api.post("/api/customers", customer(customerId, "GBP"));
        api.post("/api/invoices", invoice(invoiceNumber, customerId, "GBP", today, date.plusDays(30).toString(),
                "75.00"));
    }

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void approvedWriteOffSettlesInvoice() {
        long id = request(null);

        decide("manager-two", id, true);

        JsonNode invoice = api.get("/api/invoices/" + invoiceNumber).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("WRITTEN_OFF");
        assertThat(invoice.get("openBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("/api/write-offs/" + id).getBody().get("status").asText()).isEqualTo("APPROVED");
        String instanceId = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("invoiceToCash")
                .processInstanceBusinessKey(invoiceNumber).singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("invoiceWrittenOff").count()).isEqualTo(1);
    }

    @Test
    void requesterMayNotApproveOwnWriteOff() {
        long id = request("25.00");

        assertThatThrownBy(() -> decide("admin", id, true))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("second person");

        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("75.00");
        assertThat(api.get("/api/write-offs/" + id).getBody().get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void rejectedWriteOffPostsNothing() {
        long id = request("25.00");

        decide("manager-two", id, false);

        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("75.00");
        assertThat(api.get("/api/write-offs/" + id).getBody().get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void writeOffAboveOpenBalanceIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/invoices/" + invoiceNumber + "/write-offs",
                Map.of("amount", "75.01", "reason", "uncollectable"));
        ResponseEntity<JsonNode> noReason = api.post("/api/invoices/" + invoiceNumber + "/write-offs", Map.of());

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("detail").asText()).contains("exceeds the open balance");
        assertThat(noReason.getBody().get("violations").findValuesAsText("field")).contains("reason");
    }

    @Test
    void pendingRequestLimitsNextRequest() {
        request("50.00");

        ResponseEntity<JsonNode> tooMuch = api.post("/api/invoices/" + invoiceNumber + "/write-offs",
                Map.of("amount", "25.01", "reason", "uncollectable"));
        long rest = request(null);
        ResponseEntity<JsonNode> nothingLeft = api.post("/api/invoices/" + invoiceNumber + "/write-offs",
                Map.of("reason", "uncollectable"));

        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMuch.getBody().get("detail").asText()).contains("request at most 25");
        assertThat(api.get("/api/write-offs/" + rest).getBody().get("amount").decimalValue())
                .isEqualByComparingTo("25.00");
        assertThat(nothingLeft.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(nothingLeft.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:nothing-to-write-off");
    }

    private long request(String amount) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("amount", amount);
        body.put("reason", "Customer insolvent, no dividend expected");
        ResponseEntity<JsonNode> requested = api.post("/api/invoices/" + invoiceNumber + "/write-offs", body);
        assertThat(requested.getStatusCode()).as("request: %s", requested.getBody()).isEqualTo(HttpStatus.CREATED);
        return requested.getBody().get("id").asLong();
    }

    @Test
    void taskVariablesCannotRedirectDecision() {
        long first = request("10.00");
        long second = request("10.00");

        assertThatThrownBy(() -> complete("admin", second, Map.of("writeOffApproved", true, "decisionNote", "ok",
                "requestedBy", "someone-else")))
                .isInstanceOf(AuthorizationException.class);
        complete("manager-two", second, Map.of("writeOffApproved", true, "decisionNote", "ok", "writeOffId", first));

        assertThat(api.get("/api/write-offs/" + second).getBody().get("status").asText()).isEqualTo("APPROVED");
        assertThat(api.get("/api/write-offs/" + first).getBody().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("65.00");
    }

    @Test
    void decisionMustBeBooleanWithNote() {
        long id = request("10.00");

        assertThatThrownBy(() -> complete("manager-two", id, Map.of("writeOffApproved", "true",
                "decisionNote", "ok")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Boolean");
        assertThatThrownBy(() -> complete("manager-two", id, Map.of("writeOffApproved", false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("decisionNote");

        assertThat(api.get("/api/write-offs/" + id).getBody().get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void approvalPostsOnlyWhatIsStillOpen() {
        long id = request(null);
        api.post("/api/payments", payment(customerId, "60.00", "GBP", today, invoiceNumber));

        decide("manager-two", id, true);

        JsonNode writeOff = api.get("/api/write-offs/" + id).getBody();
        assertThat(writeOff.get("amount").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(writeOff.get("postedAmount").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("status").asText())
                .isEqualTo("WRITTEN_OFF");
    }

    private void decide(String user, long id, boolean approved) {
        complete(user, id, Map.of("writeOffApproved", approved, "decisionNote", "checked"));
    }

    private void complete(String user, long id, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("write-off-" + id)
                .taskCandidateGroup("credit-managers").singleResult();
        identityService.setAuthentication(user, List.of("credit-managers"));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
