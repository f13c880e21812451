package org.newslens.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL that a test can stop and start again (same port, same data), for outages. Like
 * {@link PostgresTestResource}, with nlp-service's queue table from nlp-service's own migrations.
 */
public class StoppablePostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("ingest-outage-pg");
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startPostgres();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .schemas("nlp")
                .createSchemas(true)
                .locations("filesystem:../nlp-service/src/main/resources/db/nlp")
                .placeholders(Map.of("readerRole", "newslens_reader"))
                .load()
                .migrate();
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                // an outage must be noticed in seconds, not after the pool's default 5 s wait per request
                "quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }

    /** Starts PostgreSQL again on the same port and data after {@link #stopPostgres()}. */
    static synchronized void startPostgres() {
        try {
            postgres = PostgresTestResource.durableBuilder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /** Stops PostgreSQL (a fast shutdown: open connections are cut), keeping its data. */
    static synchronized void stopPostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        }
    }

    static synchronized boolean running() {
        return postgres != null;
    }

    @Override
    public void stop() {
        stopPostgres();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
