package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.index.SearchIndexer;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The query language's numeric and analysis fields, cursors and facets, over articles that all share
 * the word "zephyr" so that other test classes' articles stay out of the counts.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class SearchLanguageTest {

    private static final List<Long> ARTICLES = new ArrayList<>();
    private static long angry;
    private static long calm;
    private static long upbeat;
    private static long copy;
    private static long undated;

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadArticles() throws Exception {
        if (!ARTICLES.isEmpty()) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        long herald = db.source("Zephyr Herald");
        long courier = db.source("Zephyr Courier");
        long ravel = db.entity("PERSON", "Ines Ravel", "Ravel");
        long port = db.entity("LOCATION", "Port Aubade");
        long guild = db.entity("ORGANIZATION", "Tidewater Guild");

        angry = db.article(herald, "Zephyr regime crackdown", "The zephyr regime launched a heinous crackdown in Port Aubade, Ines Ravel said.",
                "https://herald.example/z1", "en", Instant.parse("2023-11-05T10:00:00Z"));
        db.enrich(angry, "en", Fixtures.analysis(-0.71, "negative", List.of("loaded-label", "emotive-adjective", "loaded-label"),
                List.of("regime crackdown")), null, new Mention(ravel, "Ines Ravel"), new Mention(port, "Port Aubade"));
        db.byline(angry, null, "Mara Lind", "Tom Ashe");
        calm = db.article(courier, "Zephyr harbour report", "The zephyr harbour in Port Aubade reopened; the Tidewater Guild counted ships.",
                "https://courier.example/z2", "en", Instant.parse("2023-11-20T08:00:00Z"));
        db.enrich(calm, "en", Fixtures.analysis(0.02, "neutral", List.of(), List.of("harbour traffic")), null,
                new Mention(port, "Port Aubade"), new Mention(guild, "Tidewater Guild"));
        upbeat = db.article(herald, "Zephyr festival delights", "A zephyr festival delighted Port Aubade, and Ines Ravel praised the Tidewater Guild.",
                "https://herald.example/z3", "en", Instant.parse("2023-12-02T18:00:00Z"));
        db.enrich(upbeat, "en", Fixtures.analysis(0.64, "positive", List.of("emotive-adjective"), List.of("festival")), null,
                new Mention(ravel, "Ines Ravel"), new Mention(port, "Port Aubade"), new Mention(guild, "Tidewater Guild"));
        copy = db.article(courier, "Zephyr regime crackdown (copy)", "Copy: the zephyr regime launched a heinous crackdown in Port Aubade.",
                "https://courier.example/z4", "en", Instant.parse("2023-11-06T10:00:00Z"));
        db.enrich(copy, "en", Fixtures.analysis(-0.3, "negative", List.of("loaded-label"), List.of("regime crackdown")), null,
                new Mention(port, "Port Aubade"));
        db.byline(copy, angry);
        undated = db.article(courier, "Zephyr notes", "Zephyr notes without analysis.", "https://courier.example/z5", "fr", null);
        db.enrich(undated, "fr");
        ARTICLES.addAll(List.of(angry, calm, upbeat, copy, undated));
        for (int i = 0; i < 6; i++) {
            long id = db.article(herald, "Zephyr brief " + i, "Zephyr brief number " + i + " on Port Aubade.",
                    "https://herald.example/brief" + i, "en", Instant.parse("2023-10-0" + (i + 1) + "T12:00:00Z"));
            db.enrich(id, "en", Fixtures.analysis(0.1 * i - 0.25, i < 3 ? "negative" : "positive", List.of(), List.of()), null,
                    new Mention(port, "Port Aubade"));
            ARTICLES.add(id);
        }
        indexer.catchUp();
    }

    @Test
    void toneComparisonsAndRanges() {
        assertEquals(List.of(angry), ids("zephyr AND tone:<-0.5"));
        assertEquals(List.of(upbeat), ids("zephyr AND tone:>0.5"));
        search("zephyr AND tone:[-1 TO -0.2]").body("hits.id", containsInAnyOrder((int) angry, (int) copy, ARTICLES.get(5).intValue()));
        search("zephyr AND tone:{-0.3 TO 0.02]").body("hits.id", hasItem((int) calm)).body("hits.id", not(hasItem((int) copy)));
        search("zephyr AND tone:>=-0.3 AND tone:<=-0.3").body("hits.id", contains((int) copy));
        search("zephyr AND NOT tone:[* TO *]").body("hits.id", contains((int) undated));
        search("\"tone:<-0.5\"").body("total", equalTo(0));
    }

    @Test
    void publishedDateRangesIncludeWholeDays() {
        search("zephyr AND published:[2023-11-01 TO 2023-11-30]")
                .body("hits.id", containsInAnyOrder((int) angry, (int) calm, (int) copy));
        search("zephyr AND published:[2023-11-20 TO *]").body("hits.id", containsInAnyOrder((int) calm, (int) upbeat));
        search("zephyr AND published:[* TO 2023-10-02]").body("total", equalTo(2));
        search("zephyr AND published:2023-11-05").body("hits.id", contains((int) angry));
        search("zephyr AND published:>2023-11-20").body("hits.id", contains((int) upbeat));
        search("zephyr AND published:[2023-11-20T08:00:00Z TO 2023-11-20T08:00:00Z]").body("hits.id", contains((int) calm));
    }

    @Test
    void analysisFieldsAreSearchable() {
        search("zephyr AND framing:loaded_label").body("hits.id", containsInAnyOrder((int) angry, (int) copy));
        search("zephyr AND framing:\"emotive-adjective\"").body("hits.id", containsInAnyOrder((int) angry, (int) upbeat));
        search("zephyr AND tone_label:positive").body("total", equalTo(4));
        search("keyphrase:festival").body("hits.id", contains((int) upbeat));
        search("author:\"mara lind\"").body("hits.id", contains((int) angry));
        search("zephyr AND near_duplicate:true").body("hits.id", contains((int) copy));
        search("regime NOT near_duplicate:true").body("hits.id", contains((int) angry));
    }

    @Test
    void hitsCarryToneAndEntities() {
        search("festival")
                .body("hits[0].tone.score", equalTo(0.64f))
                .body("hits[0].tone.label", equalTo("positive"))
                .body("hits[0].entities.canonical", hasItem("Ines Ravel"));
        search("zephyr AND notes").body("hits[0].tone", nullValue());
    }

    @Test
    void badRangesAreProblemsNamingQ() {
        for (String q : List.of("tone:[low TO 1]", "published:[yesterday TO *]", "tone:<abc", "published:[2023-13-01 TO *]")) {
            given().queryParam("q", q).get("/api/v1/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/invalid-query"))
                    .body("field", equalTo("q"));
        }
        given().queryParam("q", "tone:[-1 TO").get("/api/v1/search")
                .then().statusCode(400).body("field", equalTo("q")).body("detail", containsString("column"));
    }

    @Test
    void cursorPagesThroughEveryHitOnceInOrder() {
        for (String sort : List.of("relevance", "date")) {
            List<Long> all = given().queryParam("q", "zephyr").queryParam("sort", sort).queryParam("size", "100")
                    .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.id", Long.class);
            assertEquals(ARTICLES.size(), all.size());
            List<Long> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("q", "zephyr").queryParam("sort", sort).queryParam("size", "3");
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/search").then().statusCode(200)
                        .body("total", equalTo(ARTICLES.size())).extract().jsonPath();
                paged.addAll(page.getList("hits.id", Long.class));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertEquals(all, paged, "sort=" + sort);
            assertEquals(4, pages, "11 hits in pages of 3, the last page knowing it is last");
        }
    }

    @Test
    void badCursorIsProblemNamingCursor() {
        String relevanceCursor = given().queryParam("q", "zephyr").queryParam("size", "2").get("/api/v1/search")
                .then().extract().path("nextCursor");
        given().queryParam("q", "zephyr").queryParam("sort", "date").queryParam("cursor", relevanceCursor).get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("cursor"));
        given().queryParam("q", "zephyr").queryParam("cursor", "not-a-cursor!").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("cursor"));
    }

    @Test
    void facetsCountTheWholeMatchSet() {
        ValidatableResponse response = given().queryParam("q", "zephyr").queryParam("size", "1")
                .queryParam("facets", "entity,person,source,lang,framing").get("/api/v1/search").then().statusCode(200)
                .body("hits.size()", equalTo(1))
                .body("facets.entity[0].value", equalTo("Port Aubade"))
                .body("facets.entity[0].count", equalTo(10))
                .body("facets.entity[0].id", notNullValue())
                .body("facets.entity[0].type", equalTo("LOCATION"))
                .body("facets.person[0].value", equalTo("Ines Ravel"))
                .body("facets.person[0].count", equalTo(2))
                .body("facets.person[0].type", equalTo("PERSON"))
                .body("facets.source.value", contains("Zephyr Herald", "Zephyr Courier"))
                .body("facets.source[0].type", nullValue())
                .body("facets.source.count", contains(8, 3))
                .body("facets.lang.value", contains("en", "fr"))
                .body("facets.framing.value", contains("emotive-adjective", "loaded-label"))
                .body("facets.framing.count", contains(2, 2));
        Map<String, Object> facets = response.extract().path("facets");
        assertEquals(List.of("entity", "person", "source", "lang", "framing"), new ArrayList<>(facets.keySet()));
        given().queryParam("q", "zephyr").get("/api/v1/search").then().body("facets", nullValue());
        given().queryParam("facets", "entity,colour").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("facets"));
    }

    private static ValidatableResponse search(String q) {
        return given().queryParam("q", q).queryParam("size", "100").get("/api/v1/search").then().statusCode(200);
    }

    private static List<Long> ids(String q) {
        return search(q).extract().jsonPath().getList("hits.id", Long.class);
    }
}
