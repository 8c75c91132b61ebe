package org.arflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox table. Process steps write messages here in their own transaction; the {@link OutboxDispatcher}
 * sends them later. A message key is written at most once, so a retried step never queues a second copy.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private static final String COLUMNS = """
            id, message_key, channel, recipient, subject, body, customer_id, invoice_number, process_instance_id,
            document_id, status, attempts,
            next_attempt_at, last_error, created_at, sent_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues a message unless its key is already in the outbox, and returns whether it was queued. The
     * insert is conditional rather than relying on the unique key, because a failed insert would abort the
     * caller's transaction on PostgreSQL; the unique key still guards against a concurrent second writer.
     */
    public boolean enqueue(OutgoingMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = jdbc.sql("""
                insert into outbox_message (message_key, channel, recipient, subject, body, customer_id,
                    invoice_number, process_instance_id, document_id, status, attempts, next_attempt_at, created_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?
                where not exists (select 1 from outbox_message where message_key = ?)""")
                .params(message.messageKey(), message.channel().name(), message.recipient(), message.subject(),
                        message.body(), message.customerId(), message.invoiceNumber(), message.processInstanceId(),
                        message.documentId(), now, now, message.messageKey())
                .update();
        if (inserted == 0) {
            log.info("Message already in the outbox, not queued again: messageKey={}", message.messageKey());
            return false;
        }
        log.info("Message queued: messageKey={} recipient={}", message.messageKey(), message.recipient());
        return true;
    }

    public Optional<OutboxMessage> findByKey(String messageKey) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where message_key = ?").param(messageKey)
                .query(Outbox::map).optional();
    }

    /** Finds the messages whose key starts with the prefix, such as every message of one collection case. */
    public List<OutboxMessage> findByKeyPrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where message_key like ? order by id")
                .param(prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query(Outbox::map).list();
    }

    List<OutboxMessage> find(String invoiceNumber, MessageStatus status, int page, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from outbox_message where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (invoiceNumber != null) {
            sql.append(" and invoice_number = ?");
            params.add(invoiceNumber);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        sql.append(" order by id limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params).query(Outbox::map).list();
    }

    /** Returns the ids of messages due for a send attempt, oldest first. */
    List<Long> dueIds(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                select id from outbox_message where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit ?""")
                .params(now, limit)
                .query(Long.class)
                .list();
    }

    /**
     * Claims a pending message for this sender. Only one of several concurrent dispatchers (threads or nodes)
     * gets an update count of one, so only that one sends.
     */
    Optional<OutboxMessage> claim(long id, OffsetDateTime now) {
        int claimed = jdbc.sql("""
                update outbox_message set status = 'SENDING', claimed_at = ?, attempts = attempts + 1
                where id = ? and status = 'PENDING'""")
                .params(now, id)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?").param(id)
                .query(Outbox::map).optional();
    }

    void markSent(long id, OffsetDateTime sentAt) {
        jdbc.sql("update outbox_message set status = 'SENT', sent_at = ?, last_error = null where id = ?")
                .params(sentAt, id).update();
    }

    void markRetry(long id, OffsetDateTime nextAttemptAt, String error) {
        jdbc.sql("update outbox_message set status = 'PENDING', next_attempt_at = ?, last_error = ? where id = ?")
                .params(nextAttemptAt, truncate(error), id).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("update outbox_message set status = 'FAILED', last_error = ? where id = ?")
                .params(truncate(error), id).update();
    }

    /**
     * Returns messages left in SENDING by a sender that stopped before recording the result. They go back to
     * PENDING: the send may have happened, which the stable Message-ID lets mail systems detect.
     */
    int releaseStaleClaims(OffsetDateTime claimedBefore) {
        return jdbc.sql("update outbox_message set status = 'PENDING' where status = 'SENDING' and claimed_at < ?")
                .param(claimedBefore).update();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    private static OutboxMessage map(ResultSet row, int rowNumber) throws SQLException {
        return new OutboxMessage(
                row.getLong("id"),
                row.getString("message_key"),
                Channel.valueOf(row.getString("channel")),
                row.getString("recipient"),
                row.getString("subject"),
                row.getString("body"),
                row.getObject("customer_id", Long.class),
                row.getString("invoice_number"),
                row.getString("process_instance_id"),
                row.getObject("document_id", Long.class),
                MessageStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getObject("next_attempt_at", OffsetDateTime.class),
                row.getString("last_error"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getObject("sent_at", OffsetDateTime.class));
    }
}
