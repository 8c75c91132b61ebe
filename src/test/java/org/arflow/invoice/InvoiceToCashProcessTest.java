package org.arflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every path of {@code processes/invoice-to-cash.bpmn} on a real engine with an in-memory database.
 * The two service tasks are replaced by delegates that record their calls, so only the model is under test.
 */
class InvoiceToCashProcessTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Date OVERDUE_AT = Date.from(Instant.parse("2026-04-01T00:00:00Z"));

    private static ProcessEngine engine;
    private static final List<String> calls = new ArrayList<>();

    private RuntimeService runtime;

    @BeforeAll
    static void startEngine() throws IOException {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("sendInvoiceEmail", recording("sendInvoiceEmail"));
        beans.put("markInvoiceOverdue", recording("markInvoiceOverdue"));
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:invoice-to-cash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setHistory(HistoryLevel.HISTORY_LEVEL_ACTIVITY.getName());
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
        try (InputStream model = Files.newInputStream(Path.of("processes/invoice-to-cash.bpmn"))) {
            engine.getRepositoryService().createDeployment()
                    .addInputStream("invoice-to-cash.bpmn", model)
                    .deploy();
        }
        BpmnAwareTests.init(engine);
    }

    @AfterAll
    static void stopEngine() {
        BpmnAwareTests.reset();
        engine.close();
    }

    @BeforeEach
    void setUp() {
        runtime = engine.getRuntimeService();
        calls.clear();
        ClockUtil.setCurrentTime(Date.from(ISSUED_AT));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void paidBeforeDueDate() {
        ProcessInstance instance = start(true, false);

        assertThat(instance).isWaitingAt("awaitPaymentOrDueDate");
        assertThat(calls).containsExactly("sendInvoiceEmail");

        balanceChanged(instance, "PAID");

        assertThat(instance).hasPassedInOrder("sendInvoiceEmail", "balanceChangedBeforeDueDate",
                "howWasItSettled", "invoicePaid").isEnded();
    }

    @Test
    void skipsEmailWhenErpSentInvoice() {
        ProcessInstance instance = start(false, false);

        assertThat(instance).isWaitingAt("awaitPaymentOrDueDate").hasNotPassed("sendInvoiceEmail");
        assertThat(calls).isEmpty();
    }

    @Test
    void partialPaymentKeepsWaiting() {
        ProcessInstance instance = start(true, false);

        balanceChanged(instance, null);

        assertThat(instance).hasPassed("isSettledBeforeDueDate").isWaitingAt("awaitPaymentOrDueDate");
        assertThat(job()).isNotNull();
    }

    @Test
    void dueDateTimerMarksOverdue() {
        ProcessInstance instance = start(true, false);
        assertThat(instance).isWaitingAt("awaitPaymentOrDueDate");
        assertThat(job().getDuedate()).isEqualTo(OVERDUE_AT);

        ClockUtil.setCurrentTime(OVERDUE_AT);
        execute(job());

        assertThat(instance).hasPassed("dueDatePassed", "markInvoiceOverdue")
                .isWaitingAt("balanceChangedAfterDueDate");
        assertThat(calls).containsExactly("sendInvoiceEmail", "markInvoiceOverdue");

        balanceChanged(instance, null);
        assertThat(instance).isWaitingAt("balanceChangedAfterDueDate");

        balanceChanged(instance, "PAID");
        assertThat(instance).hasPassed("isSettledAfterDueDate", "invoicePaid").isEnded();
    }

    @Test
    void pastDueInvoiceSkipsTimer() {
        ProcessInstance instance = start(true, true);

        assertThat(instance).hasPassedInOrder("sendInvoiceEmail", "isInvoicePastDue", "markInvoiceOverdue")
                .hasNotPassed("awaitPaymentOrDueDate", "dueDatePassed")
                .isWaitingAt("balanceChangedAfterDueDate");
        assertThat(calls).containsExactly("sendInvoiceEmail", "markInvoiceOverdue");
    }

    @Test
    void pastDueErpInvoiceOnlyOverdue() {
        ProcessInstance instance = start(false, true);

        assertThat(instance).hasPassed("markInvoiceOverdue").hasNotPassed("sendInvoiceEmail")
                .isWaitingAt("balanceChangedAfterDueDate");
        assertThat(calls).containsExactly("markInvoiceOverdue");
    }

    @Test
    void creditNoteEndsAtInvoiceCredited() {
        ProcessInstance instance = start(true, false);

        balanceChanged(instance, "CREDITED");

        assertThat(instance).hasPassed("invoiceCredited").isEnded();
    }

    @Test
    void writeOffEndsWrittenOff() {
        ProcessInstance instance = start(false, true);

        balanceChanged(instance, "WRITTEN_OFF");

        assertThat(instance).hasPassed("invoiceWrittenOff").isEnded();
    }

    private ProcessInstance start(boolean sendInvoice, boolean alreadyOverdue) {
        return runtime.startProcessInstanceByKey("invoiceToCash", "INV-" + UUID.randomUUID(),
                Variables.createVariables()
                        .putValue("sendInvoice", sendInvoice)
                        .putValue("alreadyOverdue", alreadyOverdue)
                        .putValue("overdueAt", OVERDUE_AT));
    }

    private void balanceChanged(ProcessInstance instance, String settlement) {
        runtime.createMessageCorrelation("InvoiceBalanceChanged")
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable("settlement", settlement)
                .correlate();
    }

    private static JavaDelegate recording(String name) {
        return execution -> calls.add(name);
    }
}
