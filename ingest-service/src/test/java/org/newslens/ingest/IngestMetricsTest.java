package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.feed.FeedPoller;
import org.newslens.testing.ScrapedMetrics;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each action moves its line in /q/metrics, by exactly what it did. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class IngestMetricsTest {

    private static final String ARTICLES = "newslens_articles_ingested_total";
    private static final String BULK_LINES = "newslens_bulk_lines_total";
    private static final String POLLS = "newslens_feed_polls_total";
    private static final String ENTRIES = "newslens_feed_entries_total";

    private static TestHttpServer server;

    @Inject
    FeedPoller poller;

    @BeforeAll
    static void startServer() {
        server = TestHttpServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyLabelIsPublishedBeforeItsFirstEvent() {
        ScrapedMetrics metrics = ScrapedMetrics.scrape();
        for (String outcome : new String[] {"created", "near_duplicate", "duplicate", "rejected"}) {
            assertTrue(metrics.value(ARTICLES, "outcome", outcome) >= 0, metrics.excerpt("newslens_"));
        }
        for (String problem : new String[] {"malformed-json", "too-large", "invalid-field", "internal-error", "database-unavailable"}) {
            assertTrue(metrics.value(BULK_LINES, "outcome", "rejected", "problem", problem) >= 0, metrics.excerpt("newslens_"));
        }
        for (String outcome : new String[] {"ok", "not_modified", "error"}) {
            assertTrue(metrics.value(POLLS, "outcome", outcome) >= 0, metrics.excerpt("newslens_"));
        }
    }

    @Test
    void singleArticlesCountByOutcome() {
        String tag = TestReports.tag();
        Map<String, Object> article = Map.of("title", "Tram " + tag, "text", TestReports.report(tag),
                "url", "https://metrics.example/" + tag);
        ScrapedMetrics before = ScrapedMetrics.scrape();

        given().contentType(ContentType.JSON).body(article).when().post("/api/v1/articles").then().statusCode(201);
        given().contentType(ContentType.JSON).body(article).when().post("/api/v1/articles").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("title", "No text " + tag))
                .when().post("/api/v1/articles").then().statusCode(400);

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(1, delta(before, after, ARTICLES, "outcome", "created"));
        assertEquals(1, delta(before, after, ARTICLES, "outcome", "duplicate"));
        assertEquals(1, delta(before, after, ARTICLES, "outcome", "rejected"));
        assertEquals(0, delta(before, after, ARTICLES, "outcome", "near_duplicate"));
    }

    @Test
    void bulkLinesCountByOutcomeAndProblem() {
        String tag = TestReports.tag();
        String first = "{\"title\": \"Ferry " + tag + "\", \"text\": \"" + TestReports.report(tag) + "\"}";
        String body = first + "\n[1, 2]\n{\"title\": \"No text " + tag + "\"}\n" + first + "\n";
        ScrapedMetrics before = ScrapedMetrics.scrape();

        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/articles/bulk").then().statusCode(200);

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(1, delta(before, after, BULK_LINES, "outcome", "created", "problem", "none"));
        assertEquals(1, delta(before, after, BULK_LINES, "outcome", "duplicate", "problem", "none"));
        assertEquals(1, delta(before, after, BULK_LINES, "outcome", "rejected", "problem", "malformed-json"));
        assertEquals(1, delta(before, after, BULK_LINES, "outcome", "rejected", "problem", "invalid-field"));
        assertEquals(1, delta(before, after, ARTICLES, "outcome", "created"));
        assertEquals(1, delta(before, after, ARTICLES, "outcome", "duplicate"));
        assertEquals(2, delta(before, after, ARTICLES, "outcome", "rejected"));
    }

    @Test
    void feedPollsCountByOutcomeAndTheirEntriesByFate() {
        String tag = TestReports.tag();
        server.serve("/metrics-" + tag + ".xml", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Metrics Times %1$s</title><link>%2$s</link><description>d</description>
                  <item><title>Bridge %1$s</title><link>%2$s/bridge-%1$s</link><description>%3$s</description></item>
                  <item><title>No text %1$s</title><description></description></item>
                </channel></rss>""".formatted(tag, server.url(""), TestReports.report(tag)));
        for (String path : new String[] {"/metrics-" + tag + ".xml", "/missing-" + tag + ".xml"}) {
            given().contentType(ContentType.JSON).body(Map.of("url", server.url(path)))
                    .when().post("/api/v1/feeds").then().statusCode(201);
        }
        ScrapedMetrics before = ScrapedMetrics.scrape();

        assertTrue(poller.tick());

        // feeds of other tests may fall due in the same tick, so at least what these two did
        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertTrue(delta(before, after, POLLS, "outcome", "ok") >= 1, after.excerpt(POLLS));
        assertTrue(delta(before, after, POLLS, "outcome", "error") >= 1, after.excerpt(POLLS));
        assertTrue(delta(before, after, ENTRIES, "outcome", "new") >= 1, after.excerpt(ENTRIES));
        assertTrue(delta(before, after, ENTRIES, "outcome", "failed") >= 1, after.excerpt(ENTRIES));
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        double was = before.value(name, labels);
        double is = after.value(name, labels);
        assertTrue(!Double.isNaN(is), name + " " + String.join(",", labels) + " missing from /q/metrics:\n" + after.excerpt(name));
        return is - (Double.isNaN(was) ? 0 : was);
    }
}
