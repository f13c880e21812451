package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.newslens.query.index.SearchIndexer;
import org.newslens.testing.ScrapedMetrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indexing and searching move their lines in /q/metrics, by exactly what they did. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class QueryMetricsTest {

    private static final String SEARCHES = "newslens_search_requests_seconds_count";

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @Test
    void indexingCountsTheArticlesWrittenAndTheIndexHoldsThem() throws Exception {
        indexer.catchUp();
        ScrapedMetrics before = ScrapedMetrics.scrape();
        Fixtures db = new Fixtures(ownerUrl);
        long source = db.source("Metrics Herald");
        for (int i = 0; i < 2; i++) {
            long id = db.article(source, "Lighthouse " + i, "The lighthouse keeper counted ships " + UUID.randomUUID(), null,
                    "en", Instant.parse("2024-05-01T00:00:00Z"));
            db.enrich(id, "en", Fixtures.analysis(0, "neutral", List.of(), List.of()), Fixtures.unitVector(i));
        }

        assertEquals(2, indexer.catchUp());

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(2, after.value("newslens_index_documents_indexed_total")
                - before.value("newslens_index_documents_indexed_total"), after.excerpt("newslens_index"));
        assertEquals(2, after.value("newslens_index_documents") - before.value("newslens_index_documents"),
                after.excerpt("newslens_index"));
        assertEquals(0, after.value("newslens_index_lag"), after.excerpt("newslens_index"));
    }

    @Test
    void searchesAreTimedByModeAndOutcome() {
        FakeNlpService.DOWN.set(false);
        ScrapedMetrics before = ScrapedMetrics.scrape();

        given().queryParam("q", "lighthouse").get("/api/v1/search").then().statusCode(200);
        given().queryParam("q", "lighthouse").queryParam("mode", "lexical").get("/api/v1/search").then().statusCode(200);
        given().queryParam("q", "ships at sea").queryParam("mode", "semantic").get("/api/v1/search").then().statusCode(200);
        given().queryParam("q", "title:(unclosed").get("/api/v1/search").then().statusCode(400);
        FakeNlpService.DOWN.set(true);
        try {
            given().queryParam("q", "keeper").queryParam("mode", "hybrid").get("/api/v1/search").then().statusCode(503);
        } finally {
            FakeNlpService.DOWN.set(false);
        }

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(2, delta(before, after, "mode", "lexical", "outcome", "ok"));
        assertEquals(1, delta(before, after, "mode", "semantic", "outcome", "ok"));
        assertEquals(1, delta(before, after, "mode", "lexical", "outcome", "invalid"));
        assertEquals(1, delta(before, after, "mode", "hybrid", "outcome", "failed"));
        assertEquals(0, delta(before, after, "mode", "hybrid", "outcome", "ok"));
        assertTrue(after.value("newslens_search_requests_seconds_bucket", "mode", "lexical", "outcome", "ok", "le", "+Inf")
                >= 2, after.excerpt("newslens_search_requests_seconds_bucket{mode=\"lexical\""));
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String... labels) {
        return after.value(SEARCHES, labels) - before.value(SEARCHES, labels);
    }
}
