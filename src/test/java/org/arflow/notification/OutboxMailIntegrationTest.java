package org.arflow.notification;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.invoice;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import org.arflow.clock.SimulationClock;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.MailServer;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The outbox against a real SMTP server: delivery, an outage with retries, and exactly one copy. */
@IntegrationTest
class OutboxMailIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    SimulationClock clock;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    Outbox outbox;

    @Autowired
    RuntimeService runtimeService;

    TestApi api;
    String customerId;
    String recipient;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
        customerId = unique("C");
        recipient = customerId.toLowerCase() + "@customer.example";
        api.post("/api/customers", customer(customerId, "GBP"));
        dispatcher.dispatchDue();
    }

    @AfterEach
    void restartMailServerIfStopped() {
        if (!MailServer.get().isRunning()) {
            MailServer.start();
        }
    }

    @Test
    void sendsInvoiceEmailOverSmtp() throws Exception {
        String number = issueInvoice();

        dispatcher.dispatchDue();

        MimeMessage[] received = receivedBy(recipient);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).contains(number, "£125.00");
        assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(recipient);
        assertThat(received[0].getMessageID()).isEqualTo("<invoice.INV" + number.substring(3) + ".issue.email@arflow>");
        String body = received[0].getContent().toString();
        assertThat(body).contains("£125.00", "Pay by bank transfer");
        assertThat(outbox.findByKey(messageKey(number)).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void smtpOutageIsRetriedAndSendsExactlyOnce() throws Exception {
        MailServer.stop();
        String number = issueInvoice();

        assertThat(dispatcher.dispatchDue()).isZero();
        OutboxMessage afterFailure = outbox.findByKey(messageKey(number)).orElseThrow();
        assertThat(afterFailure.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(afterFailure.attempts()).isEqualTo(1);
        assertThat(afterFailure.lastError()).isNotBlank();

        MailServer.start();
        assertThat(dispatcher.dispatchDue()).as("not due before the retry delay").isZero();
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(receivedBy(recipient)).hasSize(1);
        assertThat(outbox.findByKey(messageKey(number)).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void queuingSameKeyTwiceKeepsOneMessage() throws Exception {
        String number = issueInvoice();
        OutboxMessage queued = outbox.findByKey(messageKey(number)).orElseThrow();

        boolean second = outbox.enqueue(new OutgoingMessage(queued.messageKey(), Channel.EMAIL, recipient,
                "A retried step", "The same message again", null, number, null));
        dispatcher.dispatchDue();

        assertThat(second).isFalse();
        assertThat(outbox.find(number, null, 0, 10)).hasSize(1);
        assertThat(receivedBy(recipient)).hasSize(1);
    }

    @Test
    void lastFailureRaisesIncident() {
        MailServer.stop();
        String number = issueInvoice();

        for (int attempt = 1; attempt <= 3; attempt++) {
            dispatcher.dispatchDue();
            clock.moveTo(clock.instant().plus(Duration.ofMinutes(5)));
        }

        OutboxMessage failed = outbox.findByKey(messageKey(number)).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(failed.processInstanceId())
                .incidentType(OutboxDispatcher.INCIDENT_TYPE).count()).isEqualTo(1);
    }

    private String issueInvoice() {
        String number = unique("INV");
        LocalDate today = LocalDate.now((Clock) clock);
        api.post("/api/invoices", invoice(number, customerId, "GBP", today.toString(), today.plusDays(30).toString(),
                "125.00"));
        return number;
    }

    private static String messageKey(String number) {
        return "invoice/" + number + "/issue/email";
    }

    private static MimeMessage[] receivedBy(String recipient) throws Exception {
        return Arrays.stream(MailServer.get().getReceivedMessages())
                .filter(message -> hasRecipient(message, recipient))
                .toArray(MimeMessage[]::new);
    }

    private static boolean hasRecipient(MimeMessage message, String recipient) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient);
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
