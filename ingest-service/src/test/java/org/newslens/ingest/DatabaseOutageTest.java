package org.newslens.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.service.BulkIngestor;
import org.newslens.ingest.service.BulkLineResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A real outage: the test stops PostgreSQL, checks every kind of request, starts it again. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.SmallBatches.class)
@WithTestResource(StoppablePostgresTestResource.class)
class DatabaseOutageTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newslens.ingest.bulk-batch-size", "2");
        }
    }

    @Inject
    BulkIngestor bulkIngestor;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void databaseBack() {
        if (!StoppablePostgresTestResource.running()) {
            StoppablePostgresTestResource.startPostgres();
        }
    }

    private static Map<String, Object> article(String tag) {
        return Map.of("title", "Outage " + tag, "text", TestReports.report(tag));
    }

    private static String html(String tag) {
        return "<html><head><title>Outage " + tag + "</title></head><body><article><p>" + TestReports.report(tag)
                + "</p></article></body></html>";
    }

    private static void unavailable(ValidatableResponse response, String detail) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://newslens.dev/problems/database-unavailable"))
                .body("title", equalTo("Database unavailable"))
                .body("detail", containsString(detail));
    }

    @Test
    void everyRequestIsAnswered503WithRetryAfterWhileTheDatabaseIsDownAnd201OnceItIsBack() {
        given().contentType(ContentType.JSON).body(article(TestReports.tag()))
                .when().post("/api/v1/articles").then().statusCode(201);

        StoppablePostgresTestResource.stopPostgres();

        unavailable(given().contentType(ContentType.JSON).body(article(TestReports.tag()))
                .when().post("/api/v1/articles").then(), "nothing was stored");
        unavailable(given().contentType(ContentType.JSON).body(Map.of("html", html(TestReports.tag())))
                .when().post("/api/v1/articles").then(), "nothing was stored");
        unavailable(given().contentType("application/x-ndjson")
                .body(("{\"title\": \"a\", \"text\": \"" + TestReports.report(TestReports.tag()) + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/bulk").then(), "nothing was stored");
        unavailable(given().contentType(ContentType.JSON).body(Map.of("url", "https://feeds.example.org/" + TestReports.tag()))
                .when().post("/api/v1/feeds").then(), "nothing was stored");
        unavailable(given().when().get("/api/v1/articles").then(), "Retry in a few seconds");
        unavailable(given().when().get("/api/v1/articles/1").then(), "Retry in a few seconds");
        unavailable(given().when().get("/api/v1/feeds").then(), "Retry in a few seconds");

        StoppablePostgresTestResource.startPostgres();
        // pooled connections cut by the shutdown are discarded as they fail; a fresh one succeeds
        int status = eventually(() -> given().contentType(ContentType.JSON).body(article(TestReports.tag()))
                .when().post("/api/v1/articles").then().extract().statusCode(), 201);
        assertEquals(201, status);
    }

    @Test
    void bulkLinesThatMeetAnOutageAreToldToRetryAndAreNotStored() throws IOException, SQLException {
        String tag = TestReports.tag();
        StringBuilder ndjson = new StringBuilder();
        for (int line = 1; line <= 6; line++) {
            ndjson.append("{\"title\": \"Bulk outage ").append(tag).append(" ").append(line).append("\", \"text\": \"")
                    .append(TestReports.report(tag + line)).append("\"}\n");
        }
        List<BulkLineResult> results = new ArrayList<>();
        bulkIngestor.ingest(new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)), result -> {
            results.add(result);
            if (result.line() == 2) {
                // the first batch (lines 1 and 2) has committed; the database goes before the second is stored
                StoppablePostgresTestResource.stopPostgres();
            }
        });

        assertEquals(6, results.size());
        assertEquals("created", results.get(0).status());
        assertEquals("created", results.get(1).status());
        for (BulkLineResult result : results.subList(2, 6)) {
            assertEquals("rejected", result.status(), "line " + result.line());
            assertEquals("database-unavailable", result.kind(), "line " + result.line());
            assertNull(result.field());
        }

        StoppablePostgresTestResource.startPostgres();
        assertEquals(2, eventually(() -> storedTitlesLike("Bulk outage " + tag + " %"), 2),
                "only the committed lines are stored");
    }

    private int storedTitlesLike(String pattern) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM ingest.articles WHERE title LIKE ?")) {
            query.setString(1, pattern);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException stillRecovering) {
            return -1;
        }
    }

    /** The supplier's value once it equals {@code expected}, or its last value after 30 s. */
    private static int eventually(Supplier<Integer> value, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = value.get();
        while (last != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = value.get();
        }
        return last;
    }
}
