package org.arflow.dispute;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.payment;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.arflow.notification.Outbox;
import org.arflow.testsupport.EngineRest;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** The dispute-resolution process from raising to the customer's notification, and its effect on dunning. */
@IntegrationTest
class DisputeResolutionIntegrationTest {

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    String customerId;
    LocalDate monday;

    @Autowired
    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        EngineRest.useEngine(processEngine);
        api = new TestApi(rest);
        customerId = unique("R");
        api.post("/api/customers", customer(customerId, "GBP"));
        monday = LocalDate.now(clock).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void quantityDisputeIsRoutedToBillingAndCredited() {
        String number = issue("500.00", monday);
        long disputeId = raise(number, "QUANTITY", "120.00");

        completeEvidence(disputeId, "Delivery note shows 8 of 10 chairs");
        Task resolve = task(disputeId, "resolveDispute");
        assertThat(taskService.getIdentityLinksForTask(resolve.getId())).anyMatch(link ->
                "billing".equals(link.getGroupId()));
        resolveAs("billing", resolve, Map.of("resolutionOutcome", "CREDIT_NOTE", "resolutionAmount", "100.00",
                "resolutionNote", "Two chairs were not delivered; we credit them."));

        JsonNode view = api.get("/api/disputes/" + disputeId).getBody();
        assertThat(view.get("dispute").get("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.get("dispute").get("outcome").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(view.get("creditNotes").get(0).asText()).isEqualTo("CN-D" + disputeId);
        assertThat(view.get("history").findValuesAsText("action"))
                .containsSubsequence("RAISED", "ROUTED", "EVIDENCE_GATHERED", "CREDIT_NOTE", "CUSTOMER_NOTIFIED");
        assertThat(api.get("/api/invoices/" + number).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("400.00");
        assertThat(outbox.findByKey("dispute/" + disputeId + "/outcome/email").orElseThrow().body())
                .contains("CN-D" + disputeId, "not delivered");
        assertThat(endedAt(disputeId)).isEqualTo("disputeCredited");
    }

    @Test
    void resolverOutsideOwningGroupIsRefused() {
        long disputeId = raise(issue("300.00", monday), "QUANTITY", "50.00");
        completeEvidence(disputeId, "checked");
        Task resolve = task(disputeId, "resolveDispute");

        assertThatThrownBy(() -> resolveAs("sales", resolve, Map.of("resolutionOutcome", "REJECTED",
                "resolutionNote", "no")))
                .as("refused by the engine's task authorisation, and by the resolution guard behind it")
                .isInstanceOf(ProcessEngineException.class);

        assertThat(task(disputeId, "resolveDispute")).isNotNull();
        assertThat(api.get("/api/disputes/" + disputeId).getBody().get("dispute").get("status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void correctedInvoiceReplacesTheOldOne() {
        String number = issue("500.00", monday);
        long disputeId = raise(number, "PRICING", null);
        completeEvidence(disputeId, "price list says 400");

        resolveAs("billing", task(disputeId, "resolveDispute"), Map.of("resolutionOutcome", "CORRECTED_INVOICE",
                "resolutionAmount", "400.00", "resolutionNote", "Billed at the old price."));

        assertThat(api.get("/api/invoices/" + number).getBody().get("status").asText()).isEqualTo("CREDITED");
        JsonNode corrected = api.get("/api/invoices/" + number + "-C" + disputeId).getBody();
        assertThat(corrected.get("totalAmount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(corrected.get("processInstanceId").isNull()).isFalse();
        assertThat(endedAt(disputeId)).isEqualTo("invoiceCorrected");
    }

    @Test
    void overdueResolutionEscalatesToManagers() {
        long disputeId = raise(issue("300.00", monday), "QUALITY", "300.00");
        completeEvidence(disputeId, "photos attached");
        LocalDate slaDueOn = LocalDate.parse(api.get("/api/disputes/" + disputeId).getBody().get("dispute")
                .get("slaDueOn").asText());

        moveTo(slaDueOn.plusDays(1));

        Task resolve = task(disputeId, "resolveDispute");
        assertThat(taskService.getIdentityLinksForTask(resolve.getId())).anyMatch(link ->
                "managers".equals(link.getGroupId()));
        assertThat(api.get("/api/disputes/" + disputeId).getBody().get("dispute").get("escalated").asBoolean())
                .isTrue();
        resolveAs("managers", resolve, Map.of("resolutionOutcome", "REJECTED", "resolutionNote",
                "The goods meet the agreed specification."));
        assertThat(endedAt(disputeId)).isEqualTo("disputeRejected");
    }

    @Test
    void rejectedDisputeIsChasedFromResolutionDay() {
        String number = issue("250.00", monday);
        long disputeId = raise(number, "PRICING", null);
        moveTo(monday.plusDays(4));
        assertThat(cases()).as("an invoice disputed in full opens no case").isZero();

        completeEvidence(disputeId, "price is right");
        moveTo(monday.plusDays(10));
        resolveAs("billing", task(disputeId, "resolveDispute"), Map.of("resolutionOutcome", "REJECTED",
                "resolutionNote", "The price matches the signed quote."));
        moveTo(monday.plusDays(10), "11:00");

        long caseId = caseId();
        assertThat(outbox.findByKey("case/" + caseId + "/REMINDER/email")).isPresent();
        assertThat(outbox.findByKeyPrefix("case/" + caseId + "/")).hasSize(1);
        assertThat(outbox.findByKey("dispute/" + disputeId + "/outcome/email").orElseThrow().body())
                .contains("remains due");
    }

    @Test
    void resumesAfterResolutionWithoutBacklog() {
        String disputed = issue("300.00", monday);
        String other = issue("200.00", monday);
        moveTo(monday.plusDays(2));
        long disputeId = raise(disputed, "QUANTITY", null);
        moveTo(monday.plusDays(3));
        long caseId = caseId();
        assertThat(outbox.findByKey("case/" + caseId + "/REMINDER/email").orElseThrow().body())
                .contains(other).doesNotContain(disputed);
        moveTo(monday.plusDays(5));
        api.post("/api/payments", payment(customerId, "200.00", "GBP", monday.plusDays(5).toString(), other));

        completeEvidence(disputeId, "delivery complete");
        moveTo(monday.plusDays(38));
        resolveAs("billing", task(disputeId, "resolveDispute"), Map.of("resolutionOutcome", "REJECTED",
                "resolutionNote", "Signed delivery note for all items."));
        moveTo(monday.plusDays(38), "11:00");

        assertThat(outbox.findByKeyPrefix("case/" + caseId + "/")).as("one step on resolution day").hasSize(2);
        assertThat(outbox.findByKey("case/" + caseId + "/SECOND_REMINDER/email").orElseThrow().body())
                .contains(disputed);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(customerId + "/GBP")
                .taskDefinitionKey("callCustomer").count()).isZero();
    }

    @Test
    void attachmentsAreCheckedAndListed() {
        long disputeId = raise(issue("100.00", monday), "NOT_RECEIVED", null);

        ResponseEntity<JsonNode> pdf = upload(disputeId, "proof.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
        ResponseEntity<JsonNode> exe = upload(disputeId, "tool.exe", "application/x-msdownload", new byte[] {1, 2});
        ResponseEntity<JsonNode> huge = upload(disputeId, "big.pdf", "application/pdf", new byte[6 * 1024 * 1024]);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(api.get("/api/disputes/" + disputeId).getBody().get("attachments").findValuesAsText("fileName"))
                .containsExactly("proof.pdf");
    }

    @Test
    void reportShowsAgeAndOutcome() {
        long disputeId = raise(issue("100.00", monday), "DUPLICATE_BILLING", null);
        completeEvidence(disputeId, "billed twice");
        resolveAs("billing", task(disputeId, "resolveDispute"), Map.of("resolutionOutcome", "CREDIT_NOTE",
                "resolutionNote", "Duplicate removed."));

        JsonNode report = api.get("/api/reports/disputes").getBody();

        JsonNode line = report.get("disputes").findParents("disputeId").stream()
                .filter(candidate -> candidate.get("disputeId").asLong() == disputeId).findFirst().orElseThrow();
        assertThat(line.get("outcome").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(line.get("ageDays").asLong()).isNotNegative();
        assertThat(line.get("ageBucket").asText()).isEqualTo("0-7");
        assertThat(api.get("/api/disputes?reason=duplicate_billing&status=RESOLVED").getBody()
                .findValuesAsText("id")).contains(String.valueOf(disputeId));
    }

    @Test
    void analystsExtendReasonCodes() {
        String code = "WARRANTY_" + unique("X").substring(2, 6);

        ResponseEntity<JsonNode> added = api.post("/api/dispute-reasons", Map.of("code", code,
                "description", "A warranty claim"));
        ResponseEntity<JsonNode> again = api.post("/api/dispute-reasons", Map.of("code", code,
                "description", "A warranty claim"));
        long disputeId = raise(issue("60.00", monday), code, null);

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/disputes/" + disputeId).getBody().get("dispute").get("ownerGroup").asText())
                .isEqualTo("billing");
    }

    @Test
    void partlyDisputedInvoiceIsChasedForTheRest() {
        String number = issue("300.00", monday);
        moveTo(monday.plusDays(2));
        raise(number, "PRICING", "100.00");

        moveTo(monday.plusDays(3));

        assertThat(outbox.findByKey("case/" + caseId() + "/REMINDER/email").orElseThrow().body())
                .contains(number, "£200.00");
    }

    @Test
    void collectorStartsDisputeThroughEngineRest() {
        String number = issue("70.00", monday);
        String collector = unique("col").toLowerCase().replace("-", "");
        createUser(collector, "collectors");

        ResponseEntity<JsonNode> started = rest.withBasicAuth(collector, "secret-" + collector).postForEntity(
                "/engine-rest/process-definition/key/disputeResolution/start", Map.of("variables", Map.of(
                        "invoiceNumber", Map.of("value", number), "reasonCode", Map.of("value", "QUALITY"))),
                JsonNode.class);
        ResponseEntity<JsonNode> creditNote = rest.withBasicAuth(collector, "secret-" + collector).postForEntity(
                "/api/credit-notes", Map.of("creditNoteNumber", unique("CN"), "invoiceNumber", number,
                        "amount", "1.00", "reason", "goodwill"), JsonNode.class);

        assertThat(started.getStatusCode()).as("start: %s", started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/invoices/" + number + "/disputes").getBody()).hasSize(1);
        assertThat(creditNote.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void secondResolutionOfSettledDisputeIsRefused() {
        long disputeId = raise(issue("90.00", monday), "PRICING", null);
        completeEvidence(disputeId, "checked");
        resolveAs("billing", task(disputeId, "resolveDispute"), Map.of("resolutionOutcome", "REJECTED",
                "resolutionNote", "correct price"));

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("disputeResolution",
                "dispute-" + disputeId, Map.of("disputeId", disputeId)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("already has its resolution");
    }

    @Test
    void correctionMayNotCreditMoreThanDisputed() {
        String number = issue("500.00", monday);
        long disputeId = raise(number, "PRICING", "100.00");
        completeEvidence(disputeId, "checked");

        assertThatThrownBy(() -> resolveAs("billing", task(disputeId, "resolveDispute"), Map.of(
                "resolutionOutcome", "CORRECTED_INVOICE", "resolutionAmount", "10.00", "resolutionNote", "x")))
                .hasMessageContaining("at most the disputed amount");

        assertThat(api.get("/api/invoices/" + number).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("500.00");
    }

    @Test
    void badOutcomeThroughEngineRestIsBadRequest() {
        long disputeId = raise(issue("90.00", monday), "PRICING", null);
        completeEvidence(disputeId, "checked");
        String biller = unique("bil").toLowerCase().replace("-", "");
        createUser(biller, "billing");
        String taskId = task(disputeId, "resolveDispute").getId();

        ResponseEntity<JsonNode> rejected = rest.withBasicAuth(biller, "secret-" + biller).postForEntity(
                "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                        "resolutionOutcome", Map.of("value", "MAYBE"))), JsonNode.class);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("message").asText()).contains("resolutionOutcome", "MAYBE");
        assertThat(task(disputeId, "resolveDispute")).isNotNull();
    }

    @Test
    void renamedProgramIsNotAcceptedAsPdf() {
        long disputeId = raise(issue("100.00", monday), "NOT_RECEIVED", null);

        ResponseEntity<JsonNode> disguised = upload(disputeId, "invoice.pdf", "application/pdf",
                "MZ\u0090\u0000 program".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private void createUser(String id, String group) {
        var user = identityService.newUser(id);
        user.setPassword("secret-" + id);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    @Test
    void collectorRaisesDisputeFromTasklist() {
        String number = issue("80.00", monday);

        runtimeService.startProcessInstanceByKey("disputeResolution", Map.of("invoiceNumber", number,
                "reasonCode", "QUALITY", "description", "scratched"));

        JsonNode disputes = api.get("/api/invoices/" + number + "/disputes").getBody();
        assertThat(disputes).hasSize(1);
        assertThat(disputes.get(0).get("ownerGroup").asText()).isEqualTo("sales");
    }

    private String issue(String amount, LocalDate due) {
        String number = unique("RI");
        api.post("/api/invoices", invoice(number, customerId, "GBP", LocalDate.now(clock).toString(), due.toString(),
                amount));
        return number;
    }

    private long raise(String invoiceNumber, String reason, String amount) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("reasonCode", reason);
        body.put("amount", amount);
        body.put("description", "The customer's words");
        ResponseEntity<JsonNode> raised = api.post("/api/invoices/" + invoiceNumber + "/disputes", body);
        assertThat(raised.getStatusCode()).as("raise: %s", raised.getBody()).isEqualTo(HttpStatus.CREATED);
        return raised.getBody().get("id").asLong();
    }

    private Task task(long disputeId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey("dispute-" + disputeId)
                .taskDefinitionKey(key).singleResult();
    }

    private void completeEvidence(long disputeId, String note) {
        taskService.complete(task(disputeId, "gatherEvidence").getId(), Map.of("evidenceNote", note));
    }

    @Test
    void rewrittenVariablesDoNotGrantResolution() {
        long disputeId = raise(issue("300.00", monday), "QUANTITY", "50.00");
        completeEvidence(disputeId, "checked");
        Task resolve = task(disputeId, "resolveDispute");
        // Task permissions for a user outside the owning group, as a broad grant in Camunda Admin would give.
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("user-sales");
        grant.setResource(Resources.TASK);
        grant.setResourceId(resolve.getId());
        grant.addPermission(TaskPermissions.TASK_WORK);
        authorizationService.saveAuthorization(grant);

        assertThatThrownBy(() -> resolveAs("sales", resolve, Map.of("resolutionOutcome", "REJECTED",
                "resolutionNote", "no", "ownerGroup", "sales", "escalated", true, "disputeId", -1L)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("may resolve this dispute");

        assertThat(api.get("/api/disputes/" + disputeId).getBody().get("dispute").get("status").asText())
                .isEqualTo("OPEN");
    }

    private void resolveAs(String group, Task task, Map<String, Object> variables) {
        identityService.setAuthentication("user-" + group, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void moveTo(LocalDate date) {
        moveTo(date, "10:00");
    }

    private void moveTo(LocalDate date, String time) {
        ResponseEntity<JsonNode> moved = api.post("/api/simulation/clock", Map.of("date", date.toString(),
                "time", time));
        assertThat(moved.getStatusCode()).as("clock move: %s", moved.getBody()).isEqualTo(HttpStatus.OK);
    }

    private long cases() {
        return jdbc.sql("select count(*) from collection_case k join customer c on c.id = k.customer_id "
                + "where c.external_id = ?").param(customerId).query(Long.class).single();
    }

    private long caseId() {
        return jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id "
                + "where c.external_id = ? order by k.id desc limit 1").param(customerId).query(Long.class).single();
    }

    private String endedAt(long disputeId) {
        String instanceId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("dispute-" + disputeId).singleResult().getId();
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityType("noneEndEvent").list().stream()
                .map(activity -> activity.getActivityId())
                .filter(id -> !id.equals("slaEscalated"))
                .findFirst().orElse(null);
    }

    private ResponseEntity<JsonNode> upload(long disputeId, String name, String type, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(type));
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", TestApi.ADMIN_PASSWORD).exchange("/api/disputes/" + disputeId
                + "/attachments", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }
}
