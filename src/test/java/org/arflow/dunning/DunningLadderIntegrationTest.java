package org.arflow.dunning;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.payment;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arflow.notification.Outbox;
import org.arflow.notification.OutboxMessage;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks the default dunning ladder with the simulation clock, from a Monday on which two invoices fall due:
 * each step is asserted on the day the policy sets for it, with the messages it sends.
 */
@IntegrationTest
class DunningLadderIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DunningSteps steps;

    TestApi api;
    String customerId;
    LocalDate monday;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("D");
        monday = LocalDate.now(clock).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    @Test
    void walksLadderFromReminderToAgency() throws IOException {
        api.post("/api/customers", customer(customerId, "GBP"));
        String first = issue("600.00", monday);
        String second = issue("400.00", monday);

        moveTo(monday.plusDays(1));
        long caseId = caseId();
        assertThat(caseMessages(caseId)).isEmpty();

        moveTo(monday.plusDays(3));
        OutboxMessage reminder = message(caseId, "REMINDER/email");
        assertThat(reminder.body()).contains(first, second, "£1,000.00");
        assertThat(sentOn(reminder)).isEqualTo(monday.plusDays(3));

        moveTo(monday.plusDays(13));
        assertThat(caseMessages(caseId)).hasSize(1);
        moveTo(monday.plusDays(14));
        assertThat(sentOn(message(caseId, "SECOND_REMINDER/email"))).isEqualTo(monday.plusDays(14));

        moveTo(monday.plusDays(21));
        Task call = callTask();
        assertThat(call.getPriority()).isPositive();
        assertThat(taskService.getVariable(call.getId(), "accountSummary").toString()).contains(first, second);
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("callOutcome", "PROMISE_TO_PAY");
        outcome.put("promiseAmount", 1000);
        outcome.put("promiseDate", monday.plusDays(24).toString());
        taskService.complete(call.getId(), outcome);
        moveTo(monday.plusDays(21), "11:00");
        assertThat(caseView(caseId).get("promises").get(0).get("status").asText()).isEqualTo("OPEN");

        moveTo(monday.plusDays(27));
        assertThat(caseMessages(caseId)).as("waits for promise plus grace").hasSize(2);
        moveTo(monday.plusDays(28));
        assertThat(caseView(caseId).get("promises").get(0).get("status").asText()).isEqualTo("BROKEN");
        assertThat(events("PromiseToPayBroken", customerId)).isEqualTo(1);
        OutboxMessage letter = message(caseId, "DEMAND_LETTER/letter");
        assertThat(sentOn(letter)).isEqualTo(monday.plusDays(28));
        assertDemandLetterCharges(caseId, first, "600.00", 28);
        assertDemandLetterCharges(caseId, second, "400.00", 28);

        moveTo(monday.plusDays(45));
        assertThat(sentOn(message(caseId, "FINAL_NOTICE/email"))).isEqualTo(monday.plusDays(45));

        moveTo(monday.plusDays(60));
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(customerId + "/GBP")
                .taskCandidateGroup("credit-managers").singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("approveAgencyHandover");

        payEverything(monday.plusDays(60), first, second);
        moveTo(monday.plusDays(60), "12:00");
        assertThat(caseView(caseId).get("collectionCase").get("status").asText()).isEqualTo("CLOSED");
        assertThat(endedAt(customerId + "/GBP")).isEqualTo("caseClosed");
        assertThat(caseMessages(caseId)).hasSize(4);
    }

    @Test
    void fullPaymentClosesCaseAndStopsMessages() {
        api.post("/api/customers", customer(customerId, "GBP"));
        String first = issue("120.00", monday);
        moveTo(monday.plusDays(3));
        long caseId = caseId();
        assertThat(caseMessages(caseId)).hasSize(1);

        api.post("/api/payments", payment(customerId, "120.00", "GBP", monday.plusDays(3).toString(), first));
        moveTo(monday.plusDays(3), "12:00");
        moveTo(monday.plusDays(20));

        assertThat(caseView(caseId).get("collectionCase").get("closeReason").asText()).isEqualTo("NOTHING_OVERDUE");
        assertThat(caseMessages(caseId)).hasSize(1);
    }

    @Test
    void creditNoteMidLadderClosesCase() {
        api.post("/api/customers", customer(customerId, "GBP"));
        String first = issue("150.00", monday);
        moveTo(monday.plusDays(3));
        long caseId = caseId();

        api.post("/api/credit-notes", Map.of("creditNoteNumber", unique("CN"), "invoiceNumber", first,
                "amount", "150.00", "reason", "goods returned"));
        moveTo(monday.plusDays(3), "12:00");
        moveTo(monday.plusDays(20));

        assertThat(caseView(caseId).get("collectionCase").get("status").asText()).isEqualTo("CLOSED");
        assertThat(api.get("/api/invoices/" + first).getBody().get("status").asText()).isEqualTo("CREDITED");
        assertThat(caseMessages(caseId)).hasSize(1);
    }

    @Test
    void paidAlreadyClaimWithoutPaymentOpensCheck() {
        api.post("/api/customers", customer(customerId, "GBP"));
        issue("150.00", monday);
        moveTo(monday.plusDays(3));
        moveTo(monday.plusDays(14));
        moveTo(monday.plusDays(21));
        Task call = callTask();

        taskService.complete(call.getId(), Map.of("callOutcome", "PAID_ALREADY", "callNote", "paid last week"));

        Task check = taskService.createTaskQuery().processInstanceBusinessKey(customerId + "/GBP")
                .taskDefinitionKey("checkCashApplication").singleResult();
        assertThat(check).isNotNull();
        assertThat(taskService.getVariable(check.getId(), "accountSummary").toString()).contains("PHONE_CALL");
        assertThat(caseView(caseId()).get("collectionCase").get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void callOutcomeStaysWithItsCase() {
        String otherCustomer = unique("D");
        api.post("/api/customers", customer(customerId, "GBP"));
        api.post("/api/customers", customer(otherCustomer, "GBP"));
        issue("150.00", monday);
        api.post("/api/invoices", invoice(unique("DI"), otherCustomer, "GBP", LocalDate.now(clock).toString(),
                monday.toString(), "80.00"));
        moveTo(monday.plusDays(3));
        moveTo(monday.plusDays(14));
        moveTo(monday.plusDays(21));
        long otherCase = jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id "
                + "where c.external_id = ?").param(otherCustomer).query(Long.class).single();
        Task call = callTask();

        assertThatThrownBy(() -> taskService.complete(call.getId(), Map.of("callOutcome", "PAID_ALREADY",
                "callNote", "paid last week", "caseId", otherCase)))
                .isInstanceOf(AuthorizationException.class);

        assertThat(callTask()).as("the call task stays open").isNotNull();
    }

    @Test
    void ladderReanchorsWhenOldestIsPaid() {
        api.post("/api/customers", customer(customerId, "GBP"));
        String oldest = issue("50.00", monday);
        String next = issue("70.00", monday.plusDays(2));
        moveTo(monday.plusDays(3));
        long caseId = caseId();
        assertThat(message(caseId, "REMINDER/email").body()).contains(oldest, next);

        moveTo(monday.plusDays(4));
        api.post("/api/payments", payment(customerId, "50.00", "GBP", monday.plusDays(4).toString(), oldest));
        moveTo(monday.plusDays(14));
        assertThat(caseMessages(caseId)).as("second reminder now counts from the next invoice").hasSize(1);
        moveTo(monday.plusDays(16));

        OutboxMessage secondReminder = message(caseId, "SECOND_REMINDER/email");
        assertThat(sentOn(secondReminder)).isEqualTo(monday.plusDays(16));
        assertThat(secondReminder.body()).contains(next).doesNotContain(oldest);
    }

    @Test
    void disputedInvoiceIsLeftOutOfReminder() {
        api.post("/api/customers", customer(customerId, "GBP"));
        String disputed = issue("300.00", monday);
        String chased = issue("200.00", monday);
        moveTo(monday.plusDays(2));
        api.post("/api/invoices/" + disputed + "/disputes", Map.of("reasonCode", "QUANTITY"));

        moveTo(monday.plusDays(3));

        OutboxMessage reminder = message(caseId(), "REMINDER/email");
        assertThat(reminder.body()).contains(chased, "£200.00").doesNotContain(disputed);
    }

    @Test
    void keptPromiseResumesLadder() {
        api.post("/api/customers", customer(customerId, "GBP"));
        String invoiceNumber = issue("90.00", monday);
        moveTo(monday.plusDays(3));
        long caseId = caseId();

        ResponseEntity<JsonNode> promised = api.post("/api/collection-cases/" + caseId + "/promises",
                Map.of("amount", "40.00", "date", monday.plusDays(10).toString()));
        moveTo(monday.plusDays(8));
        api.post("/api/payments", payment(customerId, "40.00", "GBP", monday.plusDays(8).toString(),
                invoiceNumber));
        moveTo(monday.plusDays(13));
        assertThat(caseMessages(caseId)).as("no second reminder while promised").hasSize(1);
        moveTo(monday.plusDays(14));

        assertThat(promised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(caseView(caseId).get("promises").get(0).get("status").asText()).isEqualTo("KEPT");
        assertThat(message(caseId, "SECOND_REMINDER/email").body()).contains("£50.00");
    }

    @Test
    void debtorTimeZoneDecidesSendingTime() {
        Map<String, Object> tokyo = customer(customerId, "GBP");
        tokyo.put("timeZone", "Asia/Tokyo");
        api.post("/api/customers", tokyo);
        issue("80.00", monday);
        moveTo(monday.plusDays(1));
        long caseId = caseId();

        moveTo(monday.plusDays(3), "01:00");

        assertThat(sentOn(message(caseId, "REMINDER/email"))).isEqualTo(monday.plusDays(3));
    }

    @Test
    void rejectsPastPromiseAndPauseWithoutReason() {
        api.post("/api/customers", customer(customerId, "GBP"));
        issue("80.00", monday);
        moveTo(monday.plusDays(1));
        long caseId = caseId();

        ResponseEntity<JsonNode> past = api.post("/api/collection-cases/" + caseId + "/promises",
                Map.of("amount", "10.00", "date", monday.minusDays(1).toString()));
        ResponseEntity<JsonNode> otherCurrency = api.post("/api/collection-cases/" + caseId + "/promises",
                Map.of("amount", "10.00", "currency", "EUR", "date", monday.plusDays(9).toString()));
        ResponseEntity<JsonNode> pause = api.post("/api/collection-cases/" + caseId + "/pause", Map.of());

        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(past.getBody().get("violations").get(0).get("field").asText()).isEqualTo("date");
        assertThat(otherCurrency.getBody().get("violations").get(0).get("field").asText()).isEqualTo("currency");
        assertThat(pause.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(caseView(caseId).get("promises")).isEmpty();
    }

    @Test
    void pausedCaseSendsNothingUntilResumed() {
        api.post("/api/customers", customer(customerId, "GBP"));
        issue("80.00", monday);
        moveTo(monday.plusDays(1));
        long caseId = caseId();
        api.post("/api/collection-cases/" + caseId + "/pause", Map.of("reason", "payment plan under discussion"));
        moveTo(monday.plusDays(1), "12:00");

        moveTo(monday.plusDays(4));
        assertThat(caseMessages(caseId)).isEmpty();

        api.post("/api/collection-cases/" + caseId + "/resume", Map.of("reason", "talks failed"));
        moveTo(monday.plusDays(4), "11:00");
        assertThat(message(caseId, "REMINDER/email")).isNotNull();
    }

    @Test
    void longJumpSendsOneStepNotBacklog() {
        api.post("/api/customers", customer(customerId, "GBP"));
        issue("150.00", monday);

        moveTo(monday.plusDays(38));

        assertThat(caseMessages(caseId())).as("only the reminder, not every step due by now").hasSize(1);
    }

    @Test
    void repeatedStepSendsOnce() {
        api.post("/api/customers", customer(customerId, "GBP"));
        issue("80.00", monday);
        moveTo(monday.plusDays(3));
        long caseId = caseId();

        steps.sendEmail(caseId, DunningStep.REMINDER, 1, 0, null);

        assertThat(caseMessages(caseId)).hasSize(1);
    }

    private String issue(String amount, LocalDate due) {
        String number = unique("DI");
        api.post("/api/invoices", invoice(number, customerId, "GBP", LocalDate.now(clock).toString(), due.toString(),
                amount));
        return number;
    }

    private void moveTo(LocalDate date) {
        moveTo(date, "10:00");
    }

    private void moveTo(LocalDate date, String time) {
        ResponseEntity<JsonNode> moved = api.post("/api/simulation/clock", Map.of("date", date.toString(),
                "time", time));
        assertThat(moved.getStatusCode()).as("clock move to %s %s: %s", date, time, moved.getBody())
                .isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().get("jobsFailed").asInt()).as("failed jobs on %s", date).isZero();
    }

    private long caseId() {
        return jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id "
                        + "where c.external_id = ? order by k.id desc limit 1")
                .param(customerId).query(Long.class).single();
    }

    private JsonNode caseView(long caseId) {
        return api.get("/api/collection-cases/" + caseId).getBody();
    }

    private List<OutboxMessage> caseMessages(long caseId) {
        return outbox.findByKeyPrefix("case/" + caseId + "/");
    }

    private OutboxMessage message(long caseId, String stepAndChannel) {
        return outbox.findByKey("case/" + caseId + "/" + stepAndChannel).orElseThrow(() -> new AssertionError(
                "no message " + stepAndChannel + " for case " + caseId + "; messages: " + caseMessages(caseId)));
    }

    private LocalDate sentOn(OutboxMessage message) {
        return message.createdAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private Task callTask() {
        return taskService.createTaskQuery().processInstanceBusinessKey(customerId + "/GBP")
                .taskCandidateGroup("collectors").taskDefinitionKey("callCustomer").singleResult();
    }

    private long events(String type, String subject) {
        return jdbc.sql("select count(*) from domain_event where event_type = ? and subject_id = ?")
                .params(type, subject).query(Long.class).single();
    }

    /** Checks the interest posted on one invoice against the UK act's rate from the reference-rate table. */
    private void assertDemandLetterCharges(long caseId, String number, String principal, int days)
            throws IOException {
        BigDecimal interest = posted(number, "INTEREST");
        BigDecimal fees = posted(number, "FEE");
        BigDecimal rate = ukRate(monday.plusDays(1)).add(BigDecimal.valueOf(8));
        BigDecimal expected = new BigDecimal(principal).multiply(rate).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(36500), 2, RoundingMode.HALF_UP);

        assertThat(interest).as("interest on %s", number).isEqualByComparingTo(expected);
        assertThat(fees).as("fixed sum on %s", number).isEqualByComparingTo("40.00");
        JsonNode documents = caseView(caseId).get("documents");
        assertThat(documents.findValuesAsText("kind")).contains("DEMAND_LETTER");
        long documentId = documents.get(0).get("id").asLong();
        byte[] pdf = rest.withBasicAuth("admin", TestApi.ADMIN_PASSWORD)
                .getForObject("/api/collection-cases/" + caseId + "/documents/" + documentId, byte[].class);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    private BigDecimal posted(String number, String kind) {
        return jdbc.sql("select coalesce(sum(p.amount), 0) from posting p join invoice i on i.id = p.invoice_id "
                        + "where i.invoice_number = ? and p.kind = ?")
                .params(number, kind).query(BigDecimal.class).single();
    }

    private static BigDecimal ukRate(LocalDate firstDayOfInterest) throws IOException {
        LocalDate reference = firstDayOfInterest.getMonthValue() <= 6
                ? LocalDate.of(firstDayOfInterest.getYear() - 1, Month.DECEMBER, 31)
                : LocalDate.of(firstDayOfInterest.getYear(), Month.JUNE, 30);
        return Files.readAllLines(Path.of("rules/reference-rates.csv")).stream()
                .filter(line -> line.startsWith("UK " + reference + ","))
                .map(line -> new BigDecimal(line.split(",")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no UK rate for " + reference));
    }

    private void payEverything(LocalDate on, String... numbers) {
        for (String number : numbers) {
            BigDecimal open = api.get("/api/invoices/" + number).getBody().get("openBalance").decimalValue();
            api.post("/api/payments", payment(customerId, open.toPlainString(), "GBP", on.toString(), number));
        }
    }

    private String endedAt(String businessKey) {
        String instanceId = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("dunning")
                .processInstanceBusinessKey(businessKey).singleResult().getId();
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityType("noneEndEvent").singleResult().getActivityId();
    }
}
