package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.StoppablePostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real outage: the test takes its PostgreSQL down and brings it back. Meanwhile the API answers 503
 * problems with Retry-After, the workers (polling every 500 ms) log the outage once rather than at every
 * poll, and afterwards they enrich again by themselves.
 */
@QuarkusTest
@WithTestResource(StoppablePostgresResource.class)
class DatabaseOutageTest {

    private static final String TEXT = "Secretary Dana Okafor flew to Lisbon on Monday. Okafor met officials of the World Bank there.";

    @Inject
    AgroalDataSource dataSource;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void modelsLoadedAndLogsCaptured() throws InterruptedException {
        ModelsReady.await();
        Logger.getLogger("org.newslens.nlp").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("org.newslens.nlp").removeHandler(capture);
    }

    @Test
    void anOutageIsA503ForCallersOneWarningInTheLogAndTheWorkersResumeAfterIt() throws Exception {
        long before = newArticleWithJob();
        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "done".equals(status(before)));

        StoppablePostgresResource.stopPostgres();
        try {
            given().get("/api/v1/jobs/stats")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://newslens.dev/problems/database-unavailable"))
                    .body("title", equalTo("Database unavailable"))
                    .body("detail", containsString("nothing could be read"));
            given().get("/api/v1/articles/" + before + "/analysis").then().statusCode(503).header("Retry-After", "5");
            given().post("/api/v1/jobs/" + before + "/retry")
                    .then().statusCode(503).header("Retry-After", "5")
                    .body("detail", containsString("nothing was stored"));
            // two workers polling every 500 ms and the heartbeat: a dozen failed looks at the queue
            Thread.sleep(3_000);
        } finally {
            StoppablePostgresResource.startPostgres();
        }

        long after = newArticleWithJob();
        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "done".equals(status(after)));

        List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> r.getLoggerName().startsWith("org.newslens.nlp.service")).toList();
        assertEquals(1, warnings.size(), () -> "one warning for the outage, not one per poll: " + messages(warnings));
        assertTrue(warnings.get(0).getLoggerName().endsWith("DatabaseOutageLog"));
        assertEquals(1, logged.stream().filter(r -> r.getLoggerName().endsWith("DatabaseOutageLog")
                && r.getLevel().equals(Level.INFO)).count(), "one line when it is back");
    }

    private static String messages(List<LogRecord> records) {
        return records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList().toString();
    }

    /** Stores an article and its job as ingest-service does; retried while the pool replaces connections the outage broke. */
    private long newArticleWithJob() throws Exception {
        long articleId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement article = connection.prepareStatement("""
                         INSERT INTO ingest.articles (id, title, text, language_hint, content_hash) OVERRIDING SYSTEM VALUE
                         VALUES (?, 'A title', ?, 'en', sha256(int8send(?)))""");
                 PreparedStatement job = connection.prepareStatement("INSERT INTO nlp.jobs (article_id) VALUES (?)")) {
                article.setLong(1, articleId);
                article.setString(2, TEXT);
                article.setLong(3, articleId);
                article.executeUpdate();
                job.setLong(1, articleId);
                job.executeUpdate();
                return articleId;
            } catch (SQLException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private String status(long articleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT status FROM nlp.jobs WHERE article_id = ?")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
