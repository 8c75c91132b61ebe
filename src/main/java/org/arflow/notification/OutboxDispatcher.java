package org.arflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox messages. Each message is claimed with a conditional update before it is sent, so two
 * dispatchers never send the same message. A failed send is retried with a doubling delay. After the last
 * attempt the message is FAILED and an incident is raised on the process instance that wrote it.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    static final String INCIDENT_TYPE = "failedMessage";

    private final Outbox outbox;
    private final MailTransport mail;
    private final LetterService letters;
    private final SmsGateway sms;
    private final Documents documents;
    private final OutboxProperties properties;
    private final RuntimeService runtimeService;
    private final Clock clock;

    OutboxDispatcher(Outbox outbox, MailTransport mail, LetterService letters, SmsGateway sms, Documents documents,
            OutboxProperties properties, RuntimeService runtimeService, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.letters = letters;
        this.sms = sms;
        this.documents = documents;
        this.properties = properties;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Sends every message due now, batch after batch, and returns how many were sent. */
    public synchronized int dispatchDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int released = outbox.releaseStaleClaims(now.minus(properties.claimTimeout()));
        if (released > 0) {
            log.warn("Outbox claims released after a sender stopped: count={}", released);
        }
        int sent = 0;
        List<Long> due = outbox.dueIds(now, properties.batchSize());
        while (!due.isEmpty()) {
            for (long id : due) {
                sent += dispatch(id, now) ? 1 : 0;
            }
            due = outbox.dueIds(now, properties.batchSize());
        }
        return sent;
    }

    private boolean dispatch(long id, OffsetDateTime now) {
        Optional<OutboxMessage> claimed = outbox.claim(id, now);
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxMessage message = claimed.get();
        try {
            send(message);
        } catch (Exception sendFailure) {
            recordFailure(message, sendFailure);
            return false;
        }
        outbox.markSent(message.id(), OffsetDateTime.now(clock));
        log.info("Message sent: messageKey={} recipient={} attempt={}", message.messageKey(), message.recipient(),
                message.attempts());
        return true;
    }

    private void send(OutboxMessage message) throws Exception {
        switch (message.channel()) {
            case EMAIL -> mail.send(message);
            case SMS -> sms.send(message);
            case LETTER -> {
                byte[] pdf = documents.find(message.documentId()).orElseThrow(() -> new IllegalStateException(
                        "letter " + message.messageKey() + " names no stored document")).content();
                letters.post(message, pdf);
            }
        }
    }

    private void recordFailure(OutboxMessage message, Exception failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (message.attempts() < properties.maxAttempts()) {
            Duration delay = properties.retryDelay().multipliedBy(1L << Math.min(message.attempts() - 1, 20));
            outbox.markRetry(message.id(), OffsetDateTime.now(clock).plus(delay), error);
            log.warn("Message send failed, will retry: messageKey={} attempt={} retryIn={} error={}",
                    message.messageKey(), message.attempts(), delay, error);
            return;
        }
        outbox.markFailed(message.id(), error);
        log.error("Message send failed for good: messageKey={} attempts={} error={}", message.messageKey(),
                message.attempts(), error, failure);
        raiseIncident(message, error);
    }

    private void raiseIncident(OutboxMessage message, String error) {
        if (message.processInstanceId() == null) {
            return;
        }
        String incidentMessage = "Sending " + message.messageKey() + " to " + message.recipient() + " failed: " + error;
        try {
            // An incident belongs to an execution that waits in an activity; the instance's root may not.
            String activityId = runtimeService.getActiveActivityIds(message.processInstanceId()).get(0);
            String executionId = runtimeService.createExecutionQuery().processInstanceId(message.processInstanceId())
                    .activityId(activityId).list().get(0).getId();
            runtimeService.createIncident(INCIDENT_TYPE, executionId, message.messageKey(), incidentMessage);
        } catch (ProcessEngineException | IndexOutOfBoundsException instanceGone) {
            // The instance has ended meanwhile (the invoice was paid); the FAILED message stays visible.
            log.warn("No incident raised, the process instance is not waiting: messageKey={} processInstanceId={} "
                    + "reason={}", message.messageKey(), message.processInstanceId(), instanceGone.getMessage());
        }
    }
}
