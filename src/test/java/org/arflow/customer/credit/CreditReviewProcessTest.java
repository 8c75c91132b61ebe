package org.arflow.customer.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerDetails;
import org.arflow.customer.CustomerService;
import org.arflow.invoice.InvoiceDraft;
import org.arflow.invoice.InvoiceService;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.RuleEvaluationException;
import org.arflow.rules.RulesIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The credit-review process: the check step, the hold, the review task and each decision a credit manager takes. */
class CreditReviewProcessTest extends RulesIntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditPolicy creditPolicy;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuleEngine rules;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void creditManagersCanReadTaskFilters() {
        long grants = authorizationService.createAuthorizationQuery().groupIdIn("credit-managers")
                .resourceType(Resources.FILTER).hasPermission(Permissions.READ).count();

        assertThat(grants).isEqualTo(1);
    }

    @Test
    void invoiceWithinLimitIsApproved() {
        Customer customer = registerClassC("1000");
        String invoiceNumber = issue(customer, "400.00");

        String processInstanceId = runCreditCheck(invoiceNumber);

        assertThat(endEvent(processInstanceId)).isEqualTo("creditApproved");
        assertThat(creditPolicy.findProfile(customer.id()).orElseThrow().onHold()).isFalse();
    }

    @Test
    void invoiceOverLimitRaisesHoldAndTask() {
        Customer customer = registerClassC("1000");
        String invoiceNumber = issue(customer, "1500.00");

        String processInstanceId = runCreditCheck(invoiceNumber);

        CreditProfile profile = creditPolicy.findProfile(customer.id()).orElseThrow();
        assertThat(profile.onHold()).isTrue();
        assertThat(profile.holdReason()).isEqualTo("OVER_LIMIT");
        assertThat(holdEvents(customer)).isEqualTo(1);
        Task task = reviewTask(processInstanceId);
        assertThat(task.getName()).isEqualTo("Review credit of " + customer.name());
        assertThat(taskService.getVariable(task.getId(), "exposure")).isEqualTo("1500");
        assertThat(taskService.getVariable(task.getId(), "creditLimit")).isEqualTo("1000");
        assertThat(taskService.getVariable(task.getId(), "decisionsUrl"))
                .isEqualTo("/api/decisions?invoice=" + invoiceNumber);
        assertThat(taskService.getVariable(task.getId(), "reasonCode")).isEqualTo("OVER_LIMIT");
    }

    @Test
    void raisingLimitReleasesHold() {
        Customer customer = registerClassC("1000");
        String processInstanceId = runCreditCheck(issue(customer, "1500.00"));
        Task task = reviewTask(processInstanceId);
        taskService.claim(task.getId(), "carol");

        taskService.complete(task.getId(), Map.of("reviewDecision", "RAISE_LIMIT", "newCreditLimit", 2500,
                "reviewComment", "Paid promptly for years"));

        assertThat(endEvent(processInstanceId)).isEqualTo("creditLimitRaised");
        CreditProfile profile = creditPolicy.findProfile(customer.id()).orElseThrow();
        assertThat(profile.onHold()).isFalse();
        assertThat(profile.creditLimit()).isEqualByComparingTo("2500");
        List<CreditReview> reviews = reviews(customer);
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).resolution()).isEqualTo("RAISE_LIMIT");
        assertThat(reviews.get(0).resolvedBy()).isEqualTo("carol");
        assertThat(reviews.get(0).comment()).isEqualTo("Paid promptly for years");
        assertThat(releaseEvents(customer)).isEqualTo(1);
    }

    @Test
    void reviewDecisionStaysWithItsCustomer() {
        Customer customer = registerClassC("1000");
        Customer other = registerClassC("1000");
        String processInstanceId = runCreditCheck(issue(customer, "1500.00"));

        taskService.complete(reviewTask(processInstanceId).getId(), Map.of("reviewDecision", "RAISE_LIMIT",
                "newCreditLimit", 2500, "reviewComment", "ok", "customerId", other.id()));

        assertThat(creditPolicy.findProfile(customer.id()).orElseThrow().creditLimit()).isEqualByComparingTo("2500");
        assertThat(creditPolicy.findProfile(other.id()).orElseThrow().creditLimit()).isEqualByComparingTo("1000");
    }

    @Test
    void keepingHoldLeavesCustomerHeld() {
        Customer customer = registerClassC("1000");
        String processInstanceId = runCreditCheck(issue(customer, "1500.00"));

        taskService.complete(reviewTask(processInstanceId).getId(), Map.of("reviewDecision", "KEEP_HOLD"));

        assertThat(endEvent(processInstanceId)).isEqualTo("creditHoldKept");
        CreditProfile profile = creditPolicy.findProfile(customer.id()).orElseThrow();
        assertThat(profile.onHold()).isTrue();
        assertThat(profile.creditLimit()).isEqualByComparingTo("1000");
        assertThat(reviews(customer).get(0).resolution()).isEqualTo("KEEP_HOLD");
        assertThat(releaseEvents(customer)).isZero();
    }

    @Test
    void releasingOnceKeepsLimit() {
        Customer customer = registerClassC("1000");
        String processInstanceId = runCreditCheck(issue(customer, "1500.00"));

        taskService.complete(reviewTask(processInstanceId).getId(), Map.of("reviewDecision", "RELEASE_ONCE"));

        assertThat(endEvent(processInstanceId)).isEqualTo("holdReleasedOnce");
        CreditProfile profile = creditPolicy.findProfile(customer.id()).orElseThrow();
        assertThat(profile.onHold()).isFalse();
        assertThat(profile.creditLimit()).isEqualByComparingTo("1000");
        String next = runCreditCheck(issue(customer, "100.00"));
        assertThat(runtimeService.getVariable(next, "reasonCode")).isEqualTo("OVER_LIMIT");
    }

    @Test
    void lowerLimitIsRejectedAndTaskStays() {
        Customer customer = registerClassC("1000");
        String processInstanceId = runCreditCheck(issue(customer, "1500.00"));
        Task task = reviewTask(processInstanceId);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("reviewDecision", "RAISE_LIMIT",
                "newCreditLimit", 900)))
                .hasMessageContaining("must be above the current limit of 1000");

        assertThat(reviewTask(processInstanceId).getId()).isEqualTo(task.getId());
        assertThat(creditPolicy.findProfile(customer.id()).orElseThrow().onHold()).isTrue();
    }

    @Test
    void nearLimitIsReferredWithoutHold() {
        Customer customer = registerClassC("1000");
        String processInstanceId = runCreditCheck(issue(customer, "950.00"));

        assertThat(runtimeService.getVariable(processInstanceId, "creditOutcome")).isEqualTo("REVIEW");
        assertThat(creditPolicy.findProfile(customer.id()).orElseThrow().onHold()).isFalse();
        taskService.complete(reviewTask(processInstanceId).getId(), Map.of("reviewDecision", "KEEP_HOLD"));
        assertThat(creditPolicy.findProfile(customer.id()).orElseThrow().onHold()).isTrue();
        assertThat(holdEvents(customer)).isEqualTo(1);
    }

    @Test
    void failingRuleBecomesIncidentNamingIt() throws Exception {
        try {
            Path policy = RULE_FOLDER.resolve("credit-policy.drl");
            Files.writeString(policy, Files.readString(policy) + """

                    rule "Reject a poisoned amount"
                    when
                        CreditExposure(invoiceAmount > 777, invoiceAmount < 778)
                    then
                        throw new IllegalStateException("poisoned amount");
                    end
                    """);
            assertThat(rules.reload().applied()).isTrue();
            Customer customer = registerClassC("1000");
            String invoiceNumber = issue(customer, "777.77");
            String processInstanceId = processInstance(invoiceNumber).getId();

            for (int attempt = 0; attempt < 3; attempt++) {
                Job job = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
                assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                        .isInstanceOf(RuleEvaluationException.class);
            }

            Incident incident = runtimeService.createIncidentQuery().processInstanceId(processInstanceId)
                    .singleResult();
            assertThat(incident.getActivityId()).isEqualTo("decideInvoiceCredit");
            assertThat(incident.getIncidentMessage()).contains("'Reject a poisoned amount'")
                    .contains("poisoned amount");
            assertThat(reviewTasks(processInstanceId)).isEmpty();
            assertThat(runtimeService.getVariable(processInstanceId, "creditOutcome")).isNull();
        } finally {
            restoreRules();
            rules.reload();
        }
    }

    private Customer registerClassC(String requestedLimit) {
        String externalId = "CR-" + UUID.randomUUID();
        CustomerDetails details = new CustomerDetails(externalId, "Credit Review " + externalId.substring(3, 11),
                null, null, "GB", null, null, "GBP", null,
                new CreditApplicationRequest(new BigDecimal(requestedLimit), null, 1, null));
        Customer customer = customers.register(details).customer();
        assertThat(creditPolicy.findProfile(customer.id()).orElseThrow().riskClass()).isEqualTo("C");
        return customer;
    }

    private String issue(Customer customer, String amount) {
        String invoiceNumber = "INV-" + UUID.randomUUID().toString().substring(0, 18);
        LocalDate today = LocalDate.now();
        InvoiceDraft draft = new InvoiceDraft(invoiceNumber, "GBP", today, today.plusDays(14), null, null,
                List.of(new InvoiceDraft.LineDraft(null, null, "Consulting", BigDecimal.ONE, new BigDecimal(amount),
                        null, BigDecimal.ZERO)));
        invoices.submit(draft, customer, false, "API");
        return invoiceNumber;
    }

    private String runCreditCheck(String invoiceNumber) {
        ProcessInstance instance = processInstance(invoiceNumber);
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService.executeJob(job.getId());
        return instance.getId();
    }

    private ProcessInstance processInstance(String invoiceNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("creditReview")
                .processInstanceBusinessKey(invoiceNumber).singleResult();
    }

    private Task reviewTask(String processInstanceId) {
        List<Task> tasks = reviewTasks(processInstanceId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<Task> reviewTasks(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("reviewCreditHold").taskCandidateGroup("credit-managers").list();
    }

    private String endEvent(String processInstanceId) {
        assertThat(processInstanceEnded(processInstanceId)).isTrue();
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityType("noneEndEvent").singleResult().getActivityId();
    }

    private boolean processInstanceEnded(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
    }

    private List<CreditReview> reviews(Customer customer) {
        return jdbc.sql("""
                select resolution, resolved_by, review_comment from credit_review where customer_id = ? order by id""")
                .param(customer.id())
                .query((row, rowNumber) -> new CreditReview(customer.id(), null, null, null, null, null, null,
                        row.getString("resolution"), null, row.getString("resolved_by"),
                        row.getString("review_comment"), null))
                .list();
    }

    private long holdEvents(Customer customer) {
        return events("CreditHoldPlaced", customer);
    }

    private long releaseEvents(Customer customer) {
        return events("CreditHoldReleased", customer);
    }

    private long events(String type, Customer customer) {
        return jdbc.sql("select count(*) from domain_event where event_type = ? and subject_id = ?")
                .params(type, customer.externalId()).query(Long.class).single();
    }
}
