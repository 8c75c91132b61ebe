package org.arflow.payment;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.payment;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class PaymentApiIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Clock clock;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    TestApi api;
    String customerId;
    String invoiceNumber;
    String today;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("C");
        invoiceNumber = unique("INV");
        LocalDate date = LocalDate.now(clock);
        today = date.toString();
        api.post("/api/customers", customer(customerId, "GBP"));
        api.post("/api/invoices", invoice(invoiceNumber, customerId, "GBP", today, date.plusDays(30).toString(),
                "500.00"));
    }

    @Test
    void fullPaymentSettlesInvoice() {
        ResponseEntity<JsonNode> recorded = api.post("/api/payments",
                payment(customerId, "500.00", "GBP", today, "Payment for " + invoiceNumber + ", thanks"));

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody().get("allocations").get(0).get("invoiceNumber").asText()).isEqualTo(invoiceNumber);
        assertThat(recorded.getBody().get("unappliedAmount").decimalValue()).isEqualByComparingTo("0");
        JsonNode invoice = api.get("/api/invoices/" + invoiceNumber).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("PAID");
        assertThat(invoice.get("openBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.get("settlement").asText()).isEqualTo("PAID");
        assertThat(instances(invoiceNumber))
                .isZero();
        assertThat(endEventOf(invoiceNumber)).isEqualTo("invoicePaid");
    }

    @Test
    void partialPaymentLeavesRestOpenAndInstanceRunning() {
        api.post("/api/payments", payment(customerId, "120.50", "GBP", today, invoiceNumber));

        JsonNode invoice = api.get("/api/invoices/" + invoiceNumber).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("ISSUED");
        assertThat(invoice.get("openBalance").decimalValue()).isEqualByComparingTo("379.50");
        assertThat(instances(invoiceNumber))
                .isEqualTo(1);

        api.post("/api/payments", payment(customerId, "379.50", "GBP", today, invoiceNumber));

        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("status").asText()).isEqualTo("PAID");
        assertThat(endEventOf(invoiceNumber)).isEqualTo("invoicePaid");
    }

    @Test
    void overpaymentStaysAsUnappliedCredit() {
        JsonNode recorded = api.post("/api/payments",
                payment(customerId, "650.00", "GBP", today, invoiceNumber)).getBody();

        assertThat(recorded.get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(recorded.get("unappliedAmount").decimalValue()).isEqualByComparingTo("150.00");
        JsonNode balances = api.get("/api/customers/" + customerId).getBody().get("balances");
        assertThat(balances.get(0).get("unappliedCredit").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(balances.get(0).get("openBalance").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void paymentWithoutMatchingReferenceIsUnapplied() {
        JsonNode recorded = api.post("/api/payments", payment(customerId, "80.00", "GBP", today, "no number"))
                .getBody();

        assertThat(recorded.get("allocations")).isEmpty();
        assertThat(recorded.get("unappliedAmount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("500.00");
    }

    @Test
    void explicitAllocationAboveOpenBalanceIsRejected() {
        Map<String, Object> body = payment(customerId, "600.00", "GBP", today, null);
        body.put("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "600.00")));

        ResponseEntity<JsonNode> rejected = api.post("/api/payments", body);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("detail").asText()).contains("exceeds the open balance", "500.00");
        assertThat(api.get("/api/payments?customer=" + customerId).getBody()).isEmpty();
    }

    @Test
    void explicitAllocationsApplyAndLeaveRemainder() {
        Map<String, Object> body = payment(customerId, "300.00", "GBP", today, "batch 17");
        body.put("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "200.00")));

        JsonNode recorded = api.post("/api/payments", body).getBody();

        assertThat(recorded.get("allocations").get(0).get("openBalance").decimalValue())
                .isEqualByComparingTo("300.00");
        assertThat(recorded.get("unappliedAmount").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void unappliedCashPaysLaterInvoice() {
        long paymentId = api.post("/api/payments", payment(customerId, "650.00", "GBP", today, invoiceNumber))
                .getBody().get("id").asLong();
        String laterInvoice = unique("INV");
        api.post("/api/invoices", invoice(laterInvoice, customerId, "GBP", today,
                LocalDate.now(clock).plusDays(30).toString(), "150.00"));

        ResponseEntity<JsonNode> applied = api.post("/api/payments/" + paymentId + "/allocations",
                Map.of("allocations", List.of(Map.of("invoiceNumber", laterInvoice, "amount", "150.00"))));

        assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(applied.getBody().get("allocations")).hasSize(2);
        assertThat(applied.getBody().get("unappliedAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("/api/invoices/" + laterInvoice).getBody().get("status").asText()).isEqualTo("PAID");
        assertThat(api.get("/api/customers/" + customerId).getBody().get("balances"))
                .as("nothing open or unapplied is left in any currency").isEmpty();
        assertThat(endEventOf(laterInvoice)).isEqualTo("invoicePaid");
    }

    @Test
    void applicationBeyondUnappliedIsRejected() {
        long paymentId = api.post("/api/payments", payment(customerId, "80.00", "GBP", today, "no number"))
                .getBody().get("id").asLong();
        String path = "/api/payments/" + paymentId + "/allocations";

        ResponseEntity<JsonNode> tooMuch = api.post(path,
                Map.of("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "80.01"))));
        ResponseEntity<JsonNode> empty = api.post(path, Map.of("allocations", List.of()));
        ResponseEntity<JsonNode> unknown = api.post("/api/payments/999999999/allocations",
                Map.of("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "1.00"))));
        api.post(path, Map.of("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "80.00"))));
        ResponseEntity<JsonNode> spent = api.post(path,
                Map.of("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "1.00"))));

        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMuch.getBody().get("detail").asText()).contains("unapplied amount, 80.00");
        assertThat(empty.getBody().get("violations").findValuesAsText("field")).containsExactly("allocations");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(spent.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("420.00");
    }

    @Test
    void emptyAllocationIsRejected() {
        Map<String, Object> body = payment(customerId, "10.00", "GBP", today, null);
        body.put("allocations", java.util.Arrays.asList((Object) null));

        ResponseEntity<JsonNode> rejected = api.post("/api/payments", body);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("violations").findValuesAsText("field")).containsExactly("allocations[0]");
    }

    @Test
    void reversedPaymentReopensInvoice() {
        long paymentId = api.post("/api/payments", payment(customerId, "650.00", "GBP", today, invoiceNumber))
                .getBody().get("id").asLong();
        assertThat(instances(invoiceNumber)).isZero();

        ResponseEntity<JsonNode> reversed = api.post("/api/payments/" + paymentId + "/reversal",
                Map.of("reason", "Direct debit returned: insufficient funds"));

        assertThat(reversed.getStatusCode()).as("%s", reversed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(reversed.getBody().get("reversedOn").asText()).isEqualTo(today);
        assertThat(reversed.getBody().get("unappliedAmount").decimalValue()).isEqualByComparingTo("0");
        JsonNode invoice = api.get("/api/invoices/" + invoiceNumber).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("ISSUED");
        assertThat(invoice.get("openBalance").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(invoice.get("settlement").isNull()).isTrue();
        assertThat(instances(invoiceNumber)).as("a new invoice-to-cash instance").isEqualTo(1);
        JsonNode balances = api.get("/api/customers/" + customerId).getBody().get("balances");
        assertThat(balances.get(0).get("openBalance").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(balances.get(0).get("unappliedCredit").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void reversalOfPastDueInvoiceRestartsDunning() {
        String pastDue = unique("INV");
        LocalDate date = LocalDate.now(clock);
        api.post("/api/invoices", invoice(pastDue, customerId, "GBP", date.minusDays(40).toString(),
                date.minusDays(10).toString(), "90.00"));
        long paymentId = api.post("/api/payments", payment(customerId, "90.00", "GBP", today, pastDue))
                .getBody().get("id").asLong();
        assertThat(api.get("/api/invoices/" + pastDue).getBody().get("status").asText()).isEqualTo("PAID");
        assertThat(chasedInvoices()).as("nothing is chased once paid").doesNotContain(pastDue);

        api.post("/api/payments/" + paymentId + "/reversal", Map.of("reason", "Card chargeback"));

        assertThat(api.get("/api/invoices/" + pastDue).getBody().get("status").asText()).isEqualTo("OVERDUE");
        assertThat(chasedInvoices()).as("the customer's collection case chases it again").contains(pastDue);
        JsonNode item = chasedItem(pastDue);
        assertThat(item.get("principal").decimalValue()).as("the reversed amount is principal")
                .isEqualByComparingTo("90.00");
        assertThat(item.get("charges").decimalValue()).isEqualByComparingTo("0");
    }

    private JsonNode chasedItem(String invoiceNumber) {
        JsonNode cases = api.get("/api/collection-cases?status=OPEN&size=500").getBody();
        return cases.findParents("customer").stream()
                .filter(collectionCase -> collectionCase.get("customer").asText().equals(customerId))
                .flatMap(collectionCase -> api.get("/api/collection-cases/" + collectionCase.get("id").asLong())
                        .getBody().get("overdueInvoices").findParents("invoiceNumber").stream())
                .filter(item -> item.get("invoiceNumber").asText().equals(invoiceNumber))
                .findFirst()
                .orElseThrow();
    }

    /** Returns the overdue invoices of the customer's active collection cases. */
    private List<String> chasedInvoices() {
        JsonNode cases = api.get("/api/collection-cases?size=500").getBody();
        return cases.findParents("customer").stream()
                .filter(collectionCase -> collectionCase.get("customer").asText().equals(customerId))
                .filter(collectionCase -> collectionCase.get("status").asText().equals("OPEN"))
                .flatMap(collectionCase -> api.get("/api/collection-cases/" + collectionCase.get("id").asLong())
                        .getBody().get("overdueInvoices").findValuesAsText("invoiceNumber").stream())
                .toList();
    }

    @Test
    void reversalIsRecordedOnce() {
        long paymentId = api.post("/api/payments", payment(customerId, "200.00", "GBP", today, invoiceNumber))
                .getBody().get("id").asLong();
        String path = "/api/payments/" + paymentId + "/reversal";

        ResponseEntity<JsonNode> noReason = api.post(path, Map.of());
        api.post(path, Map.of("reason", "Check bounced"));
        ResponseEntity<JsonNode> again = api.post(path, Map.of("reason", "Check bounced"));
        ResponseEntity<JsonNode> applyReversed = api.post("/api/payments/" + paymentId + "/allocations",
                Map.of("allocations", List.of(Map.of("invoiceNumber", invoiceNumber, "amount", "1.00"))));

        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:payment-reversed");
        assertThat(applyReversed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .as("reversed once, not twice").isEqualByComparingTo("500.00");
    }

    @Test
    void paymentInOtherCurrencyThanInvoiceIsRejected() {
        ResponseEntity<JsonNode> rejected = api.post("/api/payments",
                payment(customerId, "500.00", "EUR", today, invoiceNumber));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:payment-currency-mismatch");
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("500.00");
    }

    @Test
    void unknownCustomerAndInvoiceAreRejected() {
        ResponseEntity<JsonNode> unknownCustomer = api.post("/api/payments",
                payment(unique("NOBODY"), "5.00", "GBP", today, null));
        Map<String, Object> body = payment(customerId, "5.00", "GBP", today, null);
        body.put("allocations", List.of(Map.of("invoiceNumber", "NO-SUCH-INVOICE", "amount", "5.00")));
        ResponseEntity<JsonNode> unknownInvoice = api.post("/api/payments", body);

        assertThat(unknownCustomer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownCustomer.getBody().get("violations").get(0).get("field").asText()).isEqualTo("customer");
        assertThat(unknownInvoice.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownInvoice.getBody().get("violations").get(0).get("value").asText())
                .isEqualTo("NO-SUCH-INVOICE");
    }

    @Test
    void invalidAmountsAndDatesAreRejected() {
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();

        ResponseEntity<JsonNode> tooPrecise = api.post("/api/payments",
                payment(customerId, "10.001", "GBP", today, null));
        ResponseEntity<JsonNode> negative = api.post("/api/payments", payment(customerId, "-1", "GBP", today, null));
        ResponseEntity<JsonNode> future = api.post("/api/payments", payment(customerId, "1", "GBP", tomorrow, null));
        Map<String, Object> badMethod = payment(customerId, "1", "GBP", today, null);
        badMethod.put("method", "BITCOIN");
        ResponseEntity<JsonNode> unknownMethod = api.post("/api/payments", badMethod);

        assertThat(tooPrecise.getBody().get("detail").asText()).contains("'10.001'", "more decimals than GBP");
        assertThat(negative.getBody().get("detail").asText()).contains("greater than zero");
        assertThat(future.getBody().get("detail").asText()).contains("receivedDate", "in the future");
        assertThat(unknownMethod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownMethod.getBody().get("detail").asText()).contains("method", "BITCOIN");
    }

    @Test
    void idempotencyKeyReturnsFirstPaymentOrConflict() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", unique("KEY"));
        Map<String, Object> body = payment(customerId, "100.00", "GBP", today, invoiceNumber);
        long firstId = api.post("/api/payments", body, headers).getBody().get("id").asLong();

        ResponseEntity<JsonNode> again = api.post("/api/payments", body, copy(headers));
        body.put("amount", "101.00");
        ResponseEntity<JsonNode> changed = api.post("/api/payments", body, copy(headers));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asLong()).isEqualTo(firstId);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get("/api/invoices/" + invoiceNumber).getBody().get("openBalance").decimalValue())
                .isEqualByComparingTo("400.00");
    }

    private static HttpHeaders copy(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        return copy;
    }

    private String endEventOf(String businessKey) {
        String instanceId = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("invoiceToCash")
                .processInstanceBusinessKey(businessKey).singleResult().getId();
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityType("noneEndEvent").list().stream()
                .map(HistoricActivityInstance::getActivityId)
                .findFirst().orElse(null);
    }

    private long instances(String invoiceNumber) {
        return invoiceToCash(invoiceNumber).count();
    }

    private ProcessInstanceQuery invoiceToCash(String invoiceNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("invoiceToCash")
                .processInstanceBusinessKey(invoiceNumber);
    }
}
