package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.index.SearchIndexer;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class SearchResourceTest {

    private static boolean loaded;
    private static long blinkenArticle;
    private static long treatyArticle;
    private static long waterArticle;
    private static long marketArticle;
    private static long wheatArticle;

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadArticles() throws Exception {
        if (loaded) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        long planet = db.source("Daily Planet");
        long gazette = db.source("Gazette");
        long blinken = db.entity("PERSON", "Antony Blinken", "Blinken");
        long sudani = db.entity("PERSON", "Mohammed Shia Al Sudani", "Al Sudani");
        long baghdad = db.entity("LOCATION", "Baghdad");
        long berlin = db.entity("LOCATION", "Berlin");
        long iraq = db.entity("LOCATION", "Iraq");
        long un = db.entity("ORGANIZATION", "United Nations", "UN");
        long acme = db.entity("ORGANIZATION", "Acme Bank");

        blinkenArticle = db.article(planet, "Blinken arrives in Baghdad for talks",
                "Antony Blinken met Mohammed Shia Al Sudani in Baghdad. Blinken discussed the harbour treaty and the water dispute.",
                "https://planet.example/blinken-baghdad", "en", Instant.parse("2024-03-01T10:00:00Z"));
        db.enrich(blinkenArticle, "en", new Mention(blinken, "Antony Blinken"), new Mention(blinken, "Blinken"),
                new Mention(sudani, "Mohammed Shia Al Sudani"), new Mention(baghdad, "Baghdad"));
        treatyArticle = db.article(gazette, "Hafenvertrag unterzeichnet",
                "Die Regierung in Berlin unterzeichnete den Vertrag. The treaty harbour dispute continues.",
                "https://gazette.example/hafen", null, Instant.parse("2024-03-03T08:00:00Z"));
        db.enrich(treatyArticle, "de", new Mention(berlin, "Berlin"));
        waterArticle = db.article(planet, "Water ministers meet",
                "Ministers from Iraq and Turkey discussed the water dispute at the United Nations.",
                "https://planet.example/water", "en", null);
        db.enrich(waterArticle, "en", new Mention(iraq, "Iraq"), new Mention(un, "United Nations"));
        marketArticle = db.article(gazette, "Market report",
                "Stocks rose. Analysts at Acme Bank expect more water dispute headlines.",
                "https://gazette.example/markets", "en", Instant.parse("2024-03-02T12:00:00Z"));
        db.enrich(marketArticle, "en", new Mention(acme, "Acme Bank"));
        wheatArticle = db.article(gazette, "Wheat exports climb",
                "Shipments of wheat climbed as Old Mill Corp reopened its silos.",
                "https://gazette.example/wheat", "en", Instant.parse("2024-02-01T12:00:00Z"));
        db.enrich(wheatArticle, "en", new Mention(db.entity("ORGANIZATION", "Old Mill Corp"), "Old Mill Corp"));

        indexer.catchUp();
        loaded = true;
    }

    @Test
    void findsArticleWithItsEntitiesAndHighlightedSnippet() {
        search("baghdad")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].id", equalTo((int) blinkenArticle))
                .body("hits[0].title", equalTo("Blinken arrives in Baghdad for talks"))
                .body("hits[0].url", equalTo("https://planet.example/blinken-baghdad"))
                .body("hits[0].source", equalTo("Daily Planet"))
                .body("hits[0].language", equalTo("en"))
                .body("hits[0].publishedAt", equalTo("2024-03-01T10:00:00Z"))
                .body("hits[0].score", greaterThan(0f))
                .body("hits[0].snippet", containsString("<b>Baghdad</b>"))
                .body("hits[0].entities[0].canonical", equalTo("Antony Blinken"))
                .body("hits[0].entities[0].type", equalTo("PERSON"))
                .body("hits[0].entities.canonical", hasItem("Baghdad"));
    }

    @Test
    void phraseMatchesOnlyAdjacentWordsInOrder() {
        assertEquals(List.of(blinkenArticle), ids(search("\"harbour treaty\"")));
        assertEquals(List.of(treatyArticle), ids(search("\"treaty harbour\"")));
        assertEquals(2, ids(search("harbour treaty")).size());
        assertEquals(List.of(treatyArticle), ids(search("\"treaty dispute\"~1")));
    }

    @Test
    void termsAreAndedUnlessOrIsWritten() {
        assertEquals(List.of(blinkenArticle), ids(search("baghdad harbour")));
        search("baghdad OR wheat").body("total", equalTo(2));
    }

    @Test
    void entityFiltersMatchCanonicalNamesAndAliasesIgnoringCase() {
        assertEquals(List.of(blinkenArticle), ids(search("person:\"antony blinken\"")));
        assertEquals(List.of(blinkenArticle), ids(search("person:\"ANTONY BLINKEN\"")));
        assertEquals(List.of(blinkenArticle), ids(search("person:blinken")));
        assertEquals(List.of(waterArticle), ids(search("org:\"united nations\"")));
        assertEquals(List.of(waterArticle), ids(search("place:iraq")));
        assertEquals(List.of(waterArticle), ids(search("entity:un")));
        search("place:\"antony blinken\"").body("total", equalTo(0));
    }

    @Test
    void sourceAndLanguageFilters() {
        search("source:\"daily planet\"").body("hits.id", containsInAnyOrder((int) blinkenArticle, (int) waterArticle));
        assertEquals(List.of(treatyArticle), ids(search("lang:de")));
        search("lang:de").body("hits[0].language", equalTo("de"));
        assertEquals(List.of(blinkenArticle), ids(search("title:baghdad AND source:\"daily planet\"")));
    }

    @Test
    void notExcludesMatches() {
        search("\"water dispute\"").body("total", equalTo(3));
        search("\"water dispute\" NOT source:gazette")
                .body("hits.id", containsInAnyOrder((int) blinkenArticle, (int) waterArticle));
        search("NOT lang:en").body("hits.id", hasItem((int) treatyArticle))
                .body("hits.id", not(hasItem((int) blinkenArticle)));
    }

    @Test
    void dateSortIsNewestFirstWithUndatedLast() {
        given().queryParam("q", "dispute").queryParam("sort", "date").get("/api/v1/search")
                .then().statusCode(200)
                .body("hits.id", contains((int) treatyArticle, (int) marketArticle, (int) blinkenArticle, (int) waterArticle))
                .body("hits[3].publishedAt", nullValue());
    }

    @Test
    void withoutQueryListsEverythingNewestFirst() {
        List<String> dates = given().get("/api/v1/search").then().statusCode(200)
                .body("total", greaterThan(4))
                .extract().jsonPath().getList("hits.publishedAt", String.class);
        for (int i = 1; i < dates.size(); i++) {
            String previous = dates.get(i - 1);
            String current = dates.get(i);
            assertTrue(current == null || (previous != null && previous.compareTo(current) >= 0),
                    "not newest first at " + i + ": " + dates);
        }
    }

    @Test
    void sizeLimitsHits() {
        given().queryParam("q", "dispute").queryParam("size", "2").get("/api/v1/search")
                .then().statusCode(200).body("total", equalTo(4)).body("hits.size()", equalTo(2));
    }

    @Test
    void syntaxErrorIsProblemNamingQ() {
        given().queryParam("q", "title:(\"unbalanced").get("/api/v1/search")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-query"))
                .body("field", equalTo("q"))
                .body("detail", containsString("column"));
    }

    @Test
    void unknownFieldIsProblemNamingQ() {
        given().queryParam("q", "colour:red").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("q"))
                .body("detail", containsString("colour"));
    }

    @Test
    void badSizeOrSortIsProblemNamingTheParameter() {
        for (String size : List.of("0", "101", "ten")) {
            given().queryParam("size", size).get("/api/v1/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/invalid-parameter"))
                    .body("field", equalTo("size"));
        }
        given().queryParam("sort", "popularity").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("sort"));
    }

    @Test
    void reEnrichmentReplacesTheDocument() throws Exception {
        Fixtures db = new Fixtures(ownerUrl);
        long silo = db.entity("ORGANIZATION", "Silo Holdings");
        assertEquals(List.of(wheatArticle), ids(search("org:\"old mill corp\"")));

        db.enrich(wheatArticle, "en", new Mention(silo, "silos"));
        indexer.catchUp();

        search("org:\"old mill corp\"").body("total", equalTo(0));
        assertEquals(List.of(wheatArticle), ids(search("org:\"silo holdings\"")));
        search("wheat")
                .body("total", equalTo(1))
                .body("hits[0].entities.canonical", contains("Silo Holdings"));
    }

    @Test
    void readinessAndMetricsReportIndexLag() {
        indexer.catchUp();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'search index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search index' }.data.lag", equalTo(0))
                .body("checks.find { it.name == 'search index' }.data.indexedSeq", greaterThan(0));
        given().get("/q/metrics").then().statusCode(200).body(containsString("newslens_index_lag"));
    }

    private static ValidatableResponse search(String q) {
        return given().queryParam("q", q).get("/api/v1/search").then().statusCode(200);
    }

    private static List<Long> ids(ValidatableResponse response) {
        return response.extract().jsonPath().getList("hits.id", Long.class);
    }
}
