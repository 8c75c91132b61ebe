package org.arflow.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records domain events in the {@code domain_event} table within the caller's transaction and publishes
 * them to in-process listeners. The table is what webhooks and failed listeners are retried from, so an
 * event exists exactly when the change that caused it was committed.
 */
@Component
public class DomainEvents {

    private static final Logger log = LoggerFactory.getLogger(DomainEvents.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DomainEvents(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records the event; the event type is the record's simple class name, such as {@code InvoiceOverdue}. */
    public void record(String subjectId, Record event) {
        String type = event.getClass().getSimpleName();
        jdbc.sql("insert into domain_event (event_type, subject_id, payload, occurred_at) values (?, ?, ?, ?)")
                .params(type, subjectId, toJson(event), OffsetDateTime.now(clock))
                .update();
        log.info("Event recorded: type={} subjectId={}", type, subjectId);
        publisher.publishEvent(event);
    }

    private String toJson(Record event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException unserialisable) {
            throw new IllegalArgumentException("event " + event + " cannot be written as JSON", unserialisable);
        }
    }
}
