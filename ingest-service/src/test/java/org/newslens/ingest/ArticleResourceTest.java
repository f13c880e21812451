package org.newslens.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ArticleResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> article(String tag) {
        return Map.of(
                "title", "Harbour " + tag + " opens",
                "text", "The new harbour " + tag + " opened on Monday, officials in Lisbon said.",
                "url", "https://News.example.org/harbour/" + tag + "/",
                "publishedAt", "2023-11-05T14:30:00+01:00",
                "source", "Example News",
                "language", "en");
    }

    private long post(Map<String, Object> body, int expectedStatus) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(expectedStatus)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void storesArticleAndItsEnrichmentJobTogether() throws SQLException {
        String tag = unique();
        long id = post(article(tag), 201);

        assertEquals(1, count("SELECT count(*) FROM ingest.articles WHERE id = ? AND canonical_url = 'https://news.example.org/harbour/" + tag + "'", id));
        assertEquals(1, count("SELECT count(*) FROM nlp.jobs WHERE article_id = ? AND status = 'pending'", id));

        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("title", equalTo("Harbour " + tag + " opens"))
                .body("source", equalTo("Example News"))
                .body("publishedAt", equalTo("2023-11-05T13:30:00Z"))
                .body("language", equalTo("en"))
                .body("processing.status", equalTo("pending"));
    }

    @Test
    void theJobCarriesTheTraceOfTheRequestThatStoredTheArticle() throws SQLException {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00-" + traceId + "-00f067aa0ba902b7-01";
        long id = given().contentType(ContentType.JSON).header("traceparent", callerSpan).body(article(unique()))
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");

        assertEquals(1, count("SELECT count(*) FROM nlp.jobs WHERE article_id = ? AND traceparent ~ '^00-" + traceId
                + "-[0-9a-f]{16}-01$' AND traceparent <> '" + callerSpan + "'", id),
                "the caller's trace, under the request's own span");
    }

    @Test
    void sourceIsDerivedFromTheHostWhenNotGiven() throws SQLException {
        String tag = unique();
        long id = post(Map.of("title", "t " + tag, "text", "body " + tag, "url", "https://www.derived-" + tag + ".example/a"), 201);
        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200).body("source", equalTo("derived-" + tag + ".example"));

        post(Map.of("title", "t " + tag, "text", "corps " + tag, "language", "fr", "url", "https://www.journal-" + tag + ".fr/a"), 201);
        assertEquals(1, count("SELECT count(*) FROM ingest.sources WHERE name = 'journal-" + tag + ".fr' AND country = 'FR' "
                + "AND language = 'fr' AND id > ?", 0));
    }

    @Test
    void sameCanonicalUrlIsADuplicateAndStoresNothing() throws SQLException {
        String tag = unique();
        long first = post(article(tag), 201);
        Map<String, Object> again = Map.of("title", "Another title " + tag, "text", "Different words " + tag,
                "url", "https://news.example.org/harbour/" + tag + "?utm_source=x&fbclid=y#top");
        long before = count("SELECT count(*) FROM ingest.articles WHERE id >= ?", first);

        given().contentType(ContentType.JSON).body(again)
                .when().post("/api/v1/articles")
                .then().statusCode(200)
                .body("id", equalTo((int) first))
                .body("duplicateOf", equalTo((int) first));
        assertEquals(before, count("SELECT count(*) FROM ingest.articles WHERE id >= ?", first));
    }

    @Test
    void sameNormalisedBodyUnderAnotherUrlIsADuplicate() {
        String tag = unique();
        long first = post(article(tag), 201);
        Map<String, Object> copy = Map.of("title", "Harbour " + tag + " opens",
                "text", "  the NEW harbour " + tag + "   opened on Monday,\nofficials in Lisbon said. ",
                "url", "https://mirror.example.com/" + tag);
        given().contentType(ContentType.JSON).body(copy)
                .when().post("/api/v1/articles")
                .then().statusCode(200).body("duplicateOf", equalTo((int) first));
    }

    @Test
    void unknownArticleIsA404Problem() {
        given().when().get("/api/v1/articles/999999999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/not-found"))
                .body("detail", containsString("999999999999"));
        given().when().get("/api/v1/articles/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("truncated JSON", "application/json", "{\"title\": \"x\", \"text\": ", 400, "malformed-json", null),
                Arguments.of("JSON array", "application/json", "[1,2]", 400, "malformed-json", null),
                Arguments.of("invalid UTF-8", "application/json", "{\"title\": \"\u00ff\", \"text\": \"x\"}", 400, "malformed-json", "title"),
                Arguments.of("missing text", "application/json", "{\"title\": \"t\"}", 400, "invalid-field", "text"),
                Arguments.of("missing title", "application/json", "{\"text\": \"t\"}", 400, "invalid-field", "title"),
                Arguments.of("blank text", "application/json", "{\"title\": \"t\", \"text\": \"  \"}", 400, "invalid-field", "text"),
                Arguments.of("text over 1 MB", "application/json", "{\"title\": \"t\", \"text\": \"" + "x".repeat(1_200_000) + "\"}", 413, "too-large", "text"),
                Arguments.of("bad date", "application/json", "{\"title\": \"t\", \"text\": \"ok\", \"publishedAt\": \"yesterday-ish\"}", 400, "invalid-field", "publishedAt"),
                Arguments.of("ftp URL", "application/json", "{\"title\": \"t\", \"text\": \"ok\", \"url\": \"ftp://example.org/a\"}", 400, "invalid-field", "url"),
                Arguments.of("bad language", "application/json", "{\"title\": \"t\", \"text\": \"ok\", \"language\": \"English!\"}", 400, "invalid-field", "language"),
                Arguments.of("title of wrong type", "application/json", "{\"title\": {\"a\": 1}, \"text\": \"ok\"}", 400, "malformed-json", "title"),
                Arguments.of("text/plain body", "text/plain", "just text", 415, "unsupported-media-type", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemAndStoresNothing(String name, String contentType, String body, int status, String kind,
                                            String field) throws SQLException {
        long articles = count("SELECT count(*) FROM ingest.articles WHERE id > ?", 0);
        byte[] bytes = name.equals("invalid UTF-8")
                ? body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        given().contentType(contentType).body(bytes)
                .when().post("/api/v1/articles")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/" + kind))
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("field", field == null ? nullValue() : equalTo(field));
        assertEquals(articles, count("SELECT count(*) FROM ingest.articles WHERE id > ?", 0));
    }

    private long count(String sql, long parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
