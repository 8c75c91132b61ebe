package org.arflow.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server per test JVM, started on first use. The library stops it when the JVM exits,
 * after the Spring contexts have closed.
 */
public final class PostgresServer {

    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException startFailure) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", startFailure);
            }
        }
        return server.getJdbcUrl("postgres", "postgres");
    }
}
