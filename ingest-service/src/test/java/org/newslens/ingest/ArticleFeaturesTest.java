package org.newslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newslens.ingest.TestReports.report;
import static org.newslens.ingest.TestReports.tag;

/** Near-duplicates, idempotent retries and HTML pages through POST /api/v1/articles. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ArticleFeaturesTest {

    private static JsonNode post(Map<String, Object> article, int status) {
        return given().contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(status)
                .extract().as(JsonNode.class);
    }

    @Test
    void syndicatedCopyIsStoredAndLinkedToTheOriginal() {
        String tag = tag();
        long original = post(Map.of("title", "Tram extension approved", "text", report(tag),
                "url", "https://city.example/" + tag), 201).get("id").asLong();
        JsonNode copy = post(Map.of("title", "Tram extension approved",
                "text", "Regional | Follow us for updates\n" + report(tag) + "\nADVERTISEMENT\nCopyright. All rights reserved.",
                "url", "https://aggregator.example/" + tag), 201);
        assertEquals(original, copy.get("nearDuplicateOf").asLong());
        assertNotEquals(original, copy.get("id").asLong());

        JsonNode copyOfCopy = post(Map.of("title", "Tram extension approved",
                "text", "Breaking\n" + report(tag) + "\nShare this story", "url", "https://third.example/" + tag), 201);
        assertEquals(original, copyOfCopy.get("nearDuplicateOf").asLong(), "links go to the earliest article");

        given().when().get("/api/v1/articles/" + copy.get("id").asLong())
                .then().statusCode(200).body("nearDuplicateOf", equalTo((int) original));
    }

    @Test
    void anotherOutletsOwnReportIsNotANearDuplicate() {
        String tag = tag();
        post(Map.of("title", "Tram extension approved", "text", "The city council of " + tag + " voted on Tuesday to expand "
                + "the tram network to the northern suburbs, a project expected to cost 240 million euros and to open in "
                + "2028. Supporters said the line would cut car traffic by a fifth, while opponents warned that the budget "
                + "had already doubled since the plan was first presented three years ago. The mayor said construction "
                + "would start next spring.", "url", "https://city.example/a/" + tag), 201);
        JsonNode other = post(Map.of("title", "Trams to reach the north of " + tag,
                "text", "Councillors in " + tag + " approved a plan to take trams north of the city centre. The extension "
                        + "will cost about 240 million euros, officials said, and services should begin in 2028. Critics "
                        + "pointed to rising costs; backers expect fewer cars on the roads. Work begins in the spring.",
                "url", "https://other-outlet.example/" + tag), 201);
        assertNull(other.get("nearDuplicateOf"));
    }

    /** The annotated development set, present beside the repository in development and CI only. */
    @Test
    void devSetNearDuplicatesAreLinkedAndOtherReportsAreNot() throws IOException {
        Path devSet = Path.of("../../shared/eval/dev.jsonl");
        assumeTrue(Files.exists(devSet), "../shared/eval is not beside this checkout");
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> docs = Files.readAllLines(devSet).stream().filter(l -> !l.isBlank())
                .map(l -> readTree(json, l)).collect(Collectors.toMap(d -> d.get("id").asText(), d -> d));
        String tag = tag();
        Map<String, Long> ids = new HashMap<>();
        List<String> originals = docs.keySet().stream().filter(id -> id.startsWith("ot") || id.equals("seed")).sorted().toList();
        for (String id : originals) {
            JsonNode stored = post(Map.of("title", docs.get(id).get("title").asText(), "text", docs.get(id).get("text").asText(),
                    "url", "https://dev-" + tag + ".example/" + id), 201);
            assertNull(stored.get("nearDuplicateOf"), id + " is its own report, not a near-duplicate");
            ids.put(id, stored.get("id").asLong());
        }
        for (String id : docs.keySet().stream().filter(d -> d.startsWith("nd_")).sorted().toList()) {
            JsonNode doc = docs.get(id);
            JsonNode stored = post(Map.of("title", doc.get("title").asText(), "text", doc.get("text").asText(),
                    "url", "https://dev-" + tag + ".example/" + id), 201);
            assertEquals(ids.get(doc.get("near_duplicate_of").asText()), stored.get("nearDuplicateOf").asLong(), id);
        }
        JsonNode again = post(Map.of("title", docs.get("ot01").get("title").asText(), "text", docs.get("ot01").get("text").asText()), 200);
        assertEquals(ids.get("ot01"), again.get("duplicateOf").asLong(), "re-posting is a duplicate");
    }

    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String tag = tag();
        String key = UUID.randomUUID().toString();
        Map<String, Object> article = Map.of("title", "Ferry " + tag, "text", "A ferry " + tag + " left port.");
        long id = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(201).body("id", equalTo((int) id)).body("duplicateOf", nullValue());

        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", "Other " + tag, "text", "Something else entirely " + tag))
                .when().post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/idempotency-key-reused"))
                .body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void externalIdMakesARetryADuplicate() {
        String tag = tag();
        long id = post(Map.of("title", "Wire " + tag, "text", "First version " + tag, "externalId", "wire-" + tag), 201)
                .get("id").asLong();
        JsonNode retry = post(Map.of("title", "Wire " + tag, "text", "Corrected version " + tag, "externalId", "wire-" + tag), 200);
        assertEquals(id, retry.get("duplicateOf").asLong());
    }

    @Test
    void htmlPageYieldsMainTextAndMetadata() {
        String tag = tag();
        String html = """
                <!doctype html><html lang="en-GB"><head>
                <title>Site name | Menu</title>
                <meta property="og:title" content="Lighthouse TAG restored">
                <meta name="author" content="Jane Harbour">
                <meta property="article:published_time" content="2024-03-12T08:15:00+00:00">
                <meta property="og:image" content="https://news.example/img/lighthouse.jpg">
                </head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
                <article><h1>Lighthouse TAG restored</h1>
                <p>The old lighthouse at TAG Point shone again on Monday night after a two-year restoration paid for by local residents and a national heritage fund.</p>
                <p>Volunteers replaced the lantern glass, repaired the iron staircase and repainted the tower in its original red and white bands, the trust that owns it said.</p>
                <p>The light will now operate every evening during the summer season, and guided tours of the tower will begin in May.</p>
                </article>
                <footer>Copyright News Example. Cookie settings. Subscribe to our newsletter.</footer>
                </body></html>""".replace("TAG", tag);
        long id = post(Map.of("html", html, "url", "https://news.example/lighthouse-" + tag), 201).get("id").asLong();

        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Lighthouse " + tag + " restored"))
                .body("text", containsString("shone again on Monday night"))
                .body("text", containsString("guided tours of the tower"))
                .body("text", not(containsString("Cookie settings")))
                .body("authors", equalTo(List.of("Jane Harbour")))
                .body("publishedAt", equalTo("2024-03-12T08:15:00Z"))
                .body("leadImageUrl", equalTo("https://news.example/img/lighthouse.jpg"))
                .body("language", equalTo("en-gb"));
    }

    @Test
    void htmlWithoutArticleTextIsAProblemNamingHtml() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Empty", "html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"))
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("html"));
    }
}
