package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.index.SearchIndexer;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mode=semantic and mode=hybrid with the query embedded by a fake nlp-service (FakeNlpService) whose
 * vector one fixture article also has, and similar articles by their stored vectors.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class SemanticSearchTest {

    private static long exact;
    private static long near;
    private static long far;
    private static long lexicalOnly;
    private static long withoutVector;
    private static long otherSource;

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadArticles() throws Exception {
        if (exact != 0) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        long source = db.source("Quillon Times");
        int q = FakeNlpService.QUERY_DIMENSION;
        exact = enriched(db, source, "Drought empties the reservoirs", "Quillon farmers watch the reservoirs run dry.",
                FakeNlpService.QUERY_VECTOR);
        near = enriched(db, source, "Rationing begins", "Quillon towns ration water as wells fail.", Fixtures.blend(q, q + 1, 0.8));
        far = enriched(db, source, "Quillon derby result", "The Quillon derby ended in a draw.", Fixtures.unitVector(q + 2));
        lexicalOnly = enriched(db, source, "Quillon rainfall statistics", "Rainfall in Quillon was measured as quillonrain.",
                Fixtures.blend(q + 3, q, 0.9));
        withoutVector = enriched(db, source, "Quillon archive", "An old quillonrain piece without a vector.", null);
        otherSource = db.article(db.source("Brell Courier"), "Brell water board meets",
                "The Quillon water board met in Brell.", null, "en", Instant.parse("2024-07-01T00:00:00Z"));
        db.enrich(otherSource, "en", Fixtures.analysis(0, "neutral", List.of(), List.of()), Fixtures.unitVector(q + 4));
        indexer.catchUp();
    }

    private static long enriched(Fixtures db, long source, String title, String text, float[] vector) throws Exception {
        long id = db.article(source, title, text, null, "en", Instant.parse("2024-06-01T00:00:00Z"));
        db.enrich(id, "en", Fixtures.analysis(0, "neutral", List.of(), List.of()), vector);
        return id;
    }

    @Test
    void semanticRanksByNearestEmbedding() {
        FakeNlpService.DOWN.set(false);
        List<Long> ids = given().queryParam("q", "water shortage").queryParam("mode", "semantic").queryParam("size", "3")
                .get("/api/v1/search").then().statusCode(200)
                .body("hits.size()", equalTo(3))
                .body("hits[0].score", greaterThan(0.99f))
                .body("hits[0].snippet", containsString("reservoirs"))
                .extract().jsonPath().getList("hits.id", Long.class);
        assertEquals(List.of(exact, near, lexicalOnly), ids);
    }

    @Test
    void hybridFusesBothRankings() {
        FakeNlpService.DOWN.set(false);
        List<Long> ids = given().queryParam("q", "quillonrain").queryParam("mode", "hybrid").queryParam("size", "5")
                .queryParam("facets", "source")
                .get("/api/v1/search").then().statusCode(200)
                .body("hits[0].snippet", containsString("<b>quillonrain</b>"))
                .body("facets.source[0].value", equalTo("Quillon Times"))
                .extract().jsonPath().getList("hits.id", Long.class);
        assertEquals(lexicalOnly, ids.get(0), "in both lists, so first: " + ids);
        assertTrue(ids.contains(exact) && ids.contains(withoutVector), "one list is enough: " + ids);
    }

    @Test
    void filterNarrowsEveryMode() {
        FakeNlpService.DOWN.set(false);
        // unlike the query vector, so last by meaning; the filter leaves it the only candidate
        given().queryParam("q", "water shortage").queryParam("mode", "semantic").queryParam("size", "3")
                .get("/api/v1/search").then().statusCode(200).body("hits.id", not(hasItem((int) otherSource)));
        given().queryParam("q", "water shortage").queryParam("mode", "semantic")
                .queryParam("filter", "source:\"brell courier\"")
                .get("/api/v1/search").then().statusCode(200).body("hits.id", contains((int) otherSource));
        given().queryParam("q", "water shortage").queryParam("mode", "semantic").queryParam("size", "3")
                .queryParam("filter", "published:[* TO 2024-06-30]")
                .get("/api/v1/search").then().statusCode(200).body("hits.id", contains((int) exact, (int) near, (int) lexicalOnly));
        given().queryParam("q", "quillon").queryParam("mode", "hybrid").queryParam("facets", "source")
                .queryParam("filter", "published:[2024-07-01 TO *]")
                .get("/api/v1/search").then().statusCode(200)
                .body("hits.id", contains((int) otherSource))
                .body("facets.source.value", contains("Brell Courier"));
        given().queryParam("q", "quillon").queryParam("filter", "-source:\"quillon times\"")
                .get("/api/v1/search").then().statusCode(200)
                .body("total", equalTo(1)).body("hits.id", contains((int) otherSource));
        given().queryParam("filter", "source:\"brell courier\"").get("/api/v1/search").then().statusCode(200)
                .body("hits.id", contains((int) otherSource));
    }

    @Test
    void aFilterThatDoesNotParseIsAProblemNamingFilter() {
        given().queryParam("q", "water").queryParam("mode", "semantic").queryParam("filter", "source:(brell")
                .get("/api/v1/search").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("filter"))
                .body("detail", containsString("filter is not a valid query"));
        given().queryParam("q", "water").queryParam("filter", "published:[yesterday TO *]")
                .get("/api/v1/search").then().statusCode(400)
                .body("field", equalTo("filter"))
                .body("detail", containsString("filter has published 'yesterday'"));
        given().queryParam("q", "water").queryParam("filter", "colour:red")
                .get("/api/v1/search").then().statusCode(400)
                .body("field", equalTo("filter"));
    }

    @Test
    void similarArticlesExcludeTheArticleItself() {
        given().queryParam("size", "2").get("/api/v1/articles/{id}/similar", exact).then().statusCode(200)
                .body("hits.id", contains((int) near, (int) lexicalOnly))
                .body("hits.id", not(hasItem((int) exact)));
        given().get("/api/v1/articles/{id}/similar", withoutVector).then().statusCode(200).body("hits", empty());
        given().get("/api/v1/articles/{id}/similar", 987654321).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/articles/{id}/similar", "abc").then().statusCode(404);
        given().queryParam("size", "0").get("/api/v1/articles/{id}/similar", exact).then().statusCode(400)
                .body("field", equalTo("size"));
    }

    @Test
    void nlpDownIsAServiceUnavailableProblem() {
        FakeNlpService.DOWN.set(true);
        try {
            given().queryParam("q", "water").queryParam("mode", "semantic").get("/api/v1/search")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://newslens.dev/problems/nlp-unavailable"))
                    .body("field", equalTo("mode"))
                    .body("detail", containsString("mode=lexical"));
        } finally {
            FakeNlpService.DOWN.set(false);
        }
        given().queryParam("q", "water").queryParam("mode", "semantic").get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void textNlpServiceRefusesIsABadRequestNotUnavailable() {
        FakeNlpService.REFUSE.set(true);
        int before = FakeNlpService.CALLS.get();
        try {
            given().queryParam("q", "water").queryParam("mode", "semantic").get("/api/v1/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/invalid-parameter"))
                    .body("field", equalTo("q"))
                    .body("detail", containsString("422"));
        } finally {
            FakeNlpService.REFUSE.set(false);
        }
        assertEquals(before + 1, FakeNlpService.CALLS.get(), "a refusal is final: not retried");
    }

    @Test
    void unreadableTextIsRefusedBeforeNlpServiceIsAsked() {
        int before = FakeNlpService.CALLS.get();
        for (String q : List.of("%00", "water%00")) {
            given().urlEncodingEnabled(false).queryParam("q", q).queryParam("mode", "semantic").get("/api/v1/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/invalid-parameter"))
                    .body("field", equalTo("q"));
        }
        assertEquals(before, FakeNlpService.CALLS.get());
    }

    @Test
    void noKeyIsSentWhenNoneIsConfigured() {
        given().queryParam("q", "water").queryParam("mode", "semantic").get("/api/v1/search").then().statusCode(200);
        assertNull(FakeNlpService.LAST_API_KEY.get());
    }

    @Test
    void semanticParametersAreValidated() {
        given().queryParam("mode", "semantic").get("/api/v1/search").then().statusCode(400).body("field", equalTo("q"));
        given().queryParam("q", "x").queryParam("mode", "psychic").get("/api/v1/search").then().statusCode(400)
                .body("field", equalTo("mode"));
        given().queryParam("q", "x").queryParam("mode", "hybrid").queryParam("cursor", "abc").get("/api/v1/search")
                .then().statusCode(400).body("field", equalTo("cursor"));
    }
}
