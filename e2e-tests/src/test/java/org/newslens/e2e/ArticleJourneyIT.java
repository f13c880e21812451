package org.newslens.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newslens.e2e.OtlpReceiver.ReceivedSpan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An article posted to ingest-service comes back from query-service with its entities, and one trace
 * follows it through the three services.
 */
class ArticleJourneyIT {

    private static final String TEXT = "US Secretary of State Antony Blinken arrived in Baghdad on Sunday for talks with "
            + "Prime Minister Mohammed Shia' al-Sudani. Secretary Blinken said Washington wanted calm in the region, "
            + "and al-Sudani called for a ceasefire in Gaza. Blinken later flew to Ankara.";

    @TempDir
    static Path work;
    static SuiteProcesses suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = SuiteProcesses.start(work);
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void postedArticleIsSearchableWithItsCanonicalEntities() throws InterruptedException {
        Map<String, Object> article = Map.of("title", "Blinken visits Baghdad", "text", TEXT,
                "url", "https://e2e.example.org/blinken-baghdad", "publishedAt", "2023-11-05T12:00:00Z", "source", "E2E Wire");
        long id = given().baseUri(suite.ingestUrl).contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");

        JsonPath hit = awaitSearchHit("Blinken", id, Duration.ofSeconds(90));
        assertEquals("Blinken visits Baghdad", hit.getString("title"));
        assertEquals("E2E Wire", hit.getString("source"));
        List<Map<String, Object>> persons = hit.getList("entities.findAll { it.type == 'PERSON' }");
        assertTrue(persons.stream().anyMatch(e -> "Antony Blinken".equals(e.get("canonical"))), "entities: " + persons);
        assertEquals(1, persons.stream().filter(e -> String.valueOf(e.get("canonical")).contains("Blinken")).count(),
                "Blinken's mentions must be one entity: " + persons);

        JsonPath stored = given().baseUri(suite.queryUrl).when().get("/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(TEXT, stored.getString("text"));
        List<Map<String, Object>> mentions = stored.getList("entities.find { it.canonical == 'Antony Blinken' }.mentions");
        assertFalse(mentions.isEmpty());
        for (Map<String, Object> mention : mentions) {
            int start = (Integer) mention.get("start");
            int end = (Integer) mention.get("end");
            assertEquals(mention.get("text"), TEXT.substring(start, end), "mention offsets point into the text");
        }

        assertEquals(id, given().baseUri(suite.ingestUrl).contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(200)
                .extract().jsonPath().getLong("duplicateOf"), "re-posting is a duplicate of the first");
        assertEquals("enriched", given().baseUri(suite.ingestUrl).when().get("/api/v1/articles/" + id)
                .then().extract().jsonPath().getString("processing.status"));
    }

    @Test
    void oneTraceFollowsAnArticleFromTheIngestRequestThroughEnrichmentToIndexing() throws InterruptedException {
        String traceId = "5a1e0c0ffee0000000000000000e2e01";
        String clientSpanId = "00000000000e2e01";
        Map<String, Object> article = Map.of("title", "Sudani meets Blinken", "text", "Prime Minister Mohammed Shia' al-Sudani "
                + "met Antony Blinken in Baghdad on Monday. The talks covered Gaza.", "url", "https://e2e.example.org/sudani-blinken");
        long id = given().baseUri(suite.ingestUrl).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01").body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitSearchHit("Sudani", id, Duration.ofSeconds(90));

        ReceivedSpan indexing = awaitSpan("query-service", "index article", traceId, Duration.ofSeconds(30));
        List<ReceivedSpan> trace = suite.traces.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
        ReceivedSpan request = trace.stream()
                .filter(span -> span.service().equals("ingest-service") && span.parentSpanId().equals(clientSpanId))
                .findFirst().orElseThrow(() -> new AssertionError("no ingest-service span under the client's: " + trace));
        assertTrue(request.name().startsWith("POST"), "the ingest request's server span: " + request);
        ReceivedSpan enrichment = trace.stream()
                .filter(span -> span.service().equals("nlp-service") && span.name().equals("enrich article"))
                .findFirst().orElseThrow(() -> new AssertionError("no enrichment span in the trace: " + trace));
        assertEquals(request.spanId(), enrichment.parentSpanId(), "the enrichment continues the ingest request");
        assertEquals(String.valueOf(id), enrichment.attributes().get("newslens.article.id"));
        assertTrue(trace.stream().anyMatch(span -> span.name().equals("stage ner") && span.parentSpanId().equals(enrichment.spanId())),
                "the NER stage is a child of the enrichment: " + trace);
        assertEquals(enrichment.spanId(), indexing.parentSpanId(), "the indexing continues the enrichment");
        assertEquals(String.valueOf(id), indexing.attributes().get("newslens.article.id"));
    }

    /** The first span of that name a service exported within the trace, waiting for the exporters' next batches. */
    private static ReceivedSpan awaitSpan(String service, String name, String traceId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ReceivedSpan span : suite.traces.spans()) {
                if (span.service().equals(service) && span.name().equals(name) && span.traceId().equals(traceId)) {
                    return span;
                }
            }
            Thread.sleep(200);
        }
        fail(service + " exported no span \"" + name + "\" in trace " + traceId + " within " + timeout + ": " + suite.traces.spans());
        return null;
    }

    private static JsonPath awaitSearchHit(String query, long id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonPath result = given().baseUri(suite.queryUrl).queryParam("q", query)
                    .when().get("/api/v1/search")
                    .then().statusCode(200).extract().jsonPath();
            List<Integer> ids = result.getList("hits.id", Integer.class);
            int index = ids.indexOf((int) id);
            if (index >= 0) {
                return new JsonPath(result.prettify()).setRootPath("hits[" + index + "]");
            }
            Thread.sleep(500);
        }
        fail("article " + id + " was not found by q=" + query + " within " + timeout);
        return null;
    }
}
