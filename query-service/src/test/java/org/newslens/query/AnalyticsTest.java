package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.EntityTone;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.Fixtures.Quantity;
import org.newslens.query.index.SearchIndexer;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timelines, entity pages, the co-occurrence graph, source comparison and export, over "marlow" articles. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class AnalyticsTest {

    private static long odile;
    private static long vessen;
    private static long council;
    private static long first;
    private static long second;
    private static long third;
    private static long undated;

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadArticles() throws Exception {
        if (odile != 0) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        long post = db.source("Marlow Post");
        long wire = db.source("Marlow Wire");
        odile = db.entity("PERSON", "Odile Marlowe", "Marlowe");
        db.kbId(odile, "Q4242");
        vessen = db.entity("LOCATION", "Vessen");
        council = db.entity("ORGANIZATION", "Marlow Council", "MC");
        List<Quantity> protesters = List.of(new Quantity("300 protesters", 300, "protesters"));

        first = db.article(post, "Marlow: Odile Marlowe in Vessen", "Marlow story. The disgraced Odile Marlowe met 300 protesters in Vessen.",
                "https://post.example/m1", "en", Instant.parse("2024-01-01T10:00:00Z"));
        db.enrich(first, "en", Fixtures.analysis(-0.5, "negative", List.of("loaded-label", "loaded-label"), List.of("protest"),
                List.of(new EntityTone("Odile Marlowe", "PERSON", -0.6, "disgraced")), protesters), null,
                new Mention(odile, "Odile Marlowe"), new Mention(vessen, "Vessen"));
        second = db.article(post, "Marlow Council praises Odile Marlowe", "Marlow story. The Marlow Council praised Odile Marlowe.",
                "https://post.example/m2", "en", Instant.parse("2024-01-01T15:00:00Z"));
        db.enrich(second, "en", Fixtures.analysis(0.3, "positive", List.of(), List.of(),
                List.of(new EntityTone("Odile Marlowe", "PERSON", 0.4, "praised")), List.of()), null,
                new Mention(odile, "Odile Marlowe"), new Mention(council, "Marlow Council"));
        third = db.article(wire, "Vessen and the Marlow Council", "Marlow story. Vessen asked the Marlow Council about 300 protesters.",
                "https://wire.example/m3", "en", Instant.parse("2024-01-03T09:00:00Z"));
        db.enrich(third, "en", Fixtures.analysis(0.1, "positive", List.of(), List.of(), List.of(), protesters), null,
                new Mention(vessen, "Vessen"), new Mention(council, "Marlow Council"));
        undated = db.article(wire, "Marlow \"votes\", again", "Marlow story. Odile Marlowe votes,\nagain.",
                "https://wire.example/m4", "en", null);
        db.enrich(undated, "en", new Mention(odile, "Odile Marlowe"));
        long other = db.article(wire, "Unrelated", "Nothing in common with the others.", "https://wire.example/m5", "en",
                Instant.parse("2024-01-01T20:00:00Z"));
        db.enrich(other, "en");
        indexer.catchUp();
    }

    /** JSON numbers arrive as floats: within 1e-4 of {@code expected}. */
    private static Matcher<Float> near(double expected) {
        return both(greaterThan((float) (expected - 1e-4))).and(lessThan((float) (expected + 1e-4)));
    }

    @Test
    void timelineCountsSharesAndToneIncludingEmptyBuckets() {
        given().queryParam("q", "marlow").queryParam("interval", "day").get("/api/v1/timeline").then().statusCode(200)
                .body("interval", equalTo("day"))
                .body("buckets.start", contains("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"))
                .body("buckets.count", contains(2, 0, 1))
                .body("buckets[0].share", near(2 / 3.0))
                .body("buckets[0].meanTone", near(-0.1))
                .body("buckets[1].meanTone", nullValue())
                .body("buckets[2].share", near(1.0));
        given().queryParam("q", "marlow").queryParam("interval", "month").get("/api/v1/timeline").then().statusCode(200)
                .body("buckets.count", contains(3))
                .body("buckets[0].share", near(0.75));
        given().queryParam("q", "marlow").queryParam("interval", "week").get("/api/v1/timeline").then()
                .body("buckets.start", contains("2024-01-01T00:00:00Z"));
        given().queryParam("q", "marlow").queryParam("interval", "hour").get("/api/v1/timeline").then()
                .body("buckets.size()", equalTo(48)).body("buckets[0].start", equalTo("2024-01-01T10:00:00Z"));
        given().queryParam("interval", "fortnight").get("/api/v1/timeline").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("interval"));
        given().queryParam("q", "marlow AND (").get("/api/v1/timeline").then().statusCode(400).body("field", equalTo("q"));
    }

    @Test
    void entityDirectoryAutocompletesNamesWordsAndAliases() {
        given().queryParam("q", "marlo").get("/api/v1/entities").then().statusCode(200)
                .body("items.canonical", contains("Odile Marlowe", "Marlow Council"))
                .body("items[0].articles", equalTo(3))
                .body("items[0].kbId", equalTo("Q4242"))
                .body("items[0].aliases", contains("Marlowe"))
                .body("entities.canonical", contains("Odile Marlowe", "Marlow Council"));
        given().queryParam("q", "ODI").queryParam("type", "person").get("/api/v1/entities").then()
                .body("items.id", contains((int) odile));
        given().queryParam("q", "odi").queryParam("type", "org").get("/api/v1/entities").then().body("items.size()", equalTo(0));
        given().queryParam("q", "mc").get("/api/v1/entities").then().body("items.canonical", contains("Marlow Council"));
        given().queryParam("q", "marlo").queryParam("size", "1").get("/api/v1/entities").then().body("items.size()", equalTo(1));
        given().queryParam("q", "100%").get("/api/v1/entities").then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("type", "animal").get("/api/v1/entities").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("type"));
    }

    @Test
    void entityPageHasMentionsCoOccurrenceToneAndSources() {
        given().get("/api/v1/entities/{id}", odile).then().statusCode(200)
                .body("canonical", equalTo("Odile Marlowe"))
                .body("type", equalTo("PERSON"))
                .body("kbId", equalTo("Q4242"))
                .body("aliases", contains("Marlowe"))
                .body("articles", equalTo(3))
                .body("mentions[0].day", equalTo("2024-01-01"))
                .body("mentions[0].articles", equalTo(2))
                .body("coOccurring.canonical", containsInAnyOrder("Vessen", "Marlow Council"))
                .body("tone[0].day", equalTo("2024-01-01"))
                .body("tone[0].meanTone", near(-0.1))
                .body("tone[0].evidence.text", containsInAnyOrder("disgraced", "praised"))
                .body("tone[0].evidence[0].articleId", equalTo((int) first))
                .body("sources.source", contains("Marlow Post", "Marlow Wire"))
                .body("sources.articles", contains(2, 1));
        for (String id : List.of("987654321", "abc")) {
            given().get("/api/v1/entities/{id}", id).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void graphHasNodesWithCountsAndWeightedEdges() {
        JsonPath graph = given().queryParam("q", "marlow").get("/api/v1/graph").then().statusCode(200)
                .body("articles", equalTo(4))
                .body("nodes[0].label", equalTo("Odile Marlowe"))
                .body("nodes[0].count", equalTo(3))
                .body("nodes.size()", equalTo(3))
                .body("edges.size()", equalTo(3))
                .extract().jsonPath();
        assertEquals(List.of(1, 1, 1), graph.getList("edges.weight", Integer.class));
        given().queryParam("q", "marlow").queryParam("size", "2").get("/api/v1/graph").then()
                .body("nodes.size()", equalTo(2)).body("edges.size()", equalTo(1));
        given().queryParam("q", "marlow").queryParam("format", "graphml").get("/api/v1/graph").then().statusCode(200)
                .contentType(startsWith("application/graphml+xml"))
                .body(containsString("<node id=\"n" + odile + "\"><data key=\"label\">Odile Marlowe</data>"))
                .body(containsString("<edge source=\"n"))
                .body(containsString("attr.name=\"weight\""));
        given().queryParam("format", "xml").get("/api/v1/graph").then().statusCode(400).body("field", equalTo("format"));
    }

    @Test
    void compareSummarisesEachSource() {
        given().queryParam("q", "marlow").get("/api/v1/compare").then().statusCode(200)
                .body("sources.source", contains("Marlow Post", "Marlow Wire"))
                .body("sources[0].articles", equalTo(2))
                .body("sources[0].meanTone", near(-0.1))
                .body("sources[0].framing.loaded-label", equalTo(2))
                .body("sources[0].quantities", equalTo(1))
                .body("sources[1].meanTone", near(0.1))
                .body("sources[1].topQuantities[0].text", equalTo("300 protesters"))
                .body("sources[1].topQuantities[0].noun", equalTo("protesters"));
    }

    @Test
    void exportStreamsEveryMatchAsCsvOrNdjson() {
        String csv = given().queryParam("q", "marlow").queryParam("format", "csv").get("/api/v1/export").then()
                .statusCode(200).contentType(startsWith("text/csv")).header("X-Total-Count", "4")
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(ExportCsvHeader.VALUE, lines[0]);
        assertEquals(5, lines.length, csv);
        assertEquals(true, lines[1].startsWith(third + ",2024-01-03T09:00:00Z,Marlow Wire,en,"), lines[1]);
        assertEquals(true, lines[4].startsWith(undated + ",,Marlow Wire,en,https://wire.example/m4,\"Marlow \"\"votes\"\", again\","), lines[4]);
        assertEquals(true, csv.contains("-0.5,negative,Odile Marlowe; Vessen,loaded-label,protest,0"), csv);

        String ndjson = given().queryParam("q", "marlow").get("/api/v1/export").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asString();
        String[] objects = ndjson.strip().split("\n");
        assertEquals(4, objects.length);
        JsonPath firstLine = new JsonPath(objects[2]);
        assertEquals(first, firstLine.getLong("id"));
        assertEquals(-0.5f, firstLine.getFloat("tone.score"));
        assertEquals("300 protesters", firstLine.getString("analysis.quantities[0].text"));
        assertEquals("Odile Marlowe", firstLine.getString("entities[0].canonical"));
        given().queryParam("format", "pdf").get("/api/v1/export").then().statusCode(400).body("field", equalTo("format"));
        given().queryParam("q", "(").get("/api/v1/export").then().statusCode(400).body("field", equalTo("q"));
    }

    /** The CSV header, spelled out here so a change to it is a deliberate one. */
    private static final class ExportCsvHeader {
        static final String VALUE = "id,published_at,source,language,url,title,authors,near_duplicate,tone,tone_label,"
                + "entities,framing,keyphrases,quotes";
    }
}
