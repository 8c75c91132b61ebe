package org.arflow.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The document store: letters and case files, in the database so that every node can serve them. */
@Component
public class Documents {

    private final JdbcClient jdbc;
    private final Clock clock;

    Documents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored document. */
    public record Document(long id, String kind, String fileName, String contentType, byte[] content,
            OffsetDateTime createdAt) {
    }

    public long store(String kind, String fileName, String contentType, byte[] content) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (kind, file_name, content_type, content, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(kind, fileName, contentType, content, OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Document> find(long id) {
        return jdbc.sql("select id, kind, file_name, content_type, content, created_at from document where id = ?")
                .param(id)
                .query((row, rowNumber) -> new Document(row.getLong("id"), row.getString("kind"),
                        row.getString("file_name"), row.getString("content_type"), row.getBytes("content"),
                        row.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }
}
