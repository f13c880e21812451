package org.newslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@WithTestResource(PostgresTestResource.class)
class ApiKeyTest {

    /**
     * Stands in for nlp-service: answers the wake-up as the contract {@code contracts/rest/jobs-wake.json}
     * says nlp-service does (nlp-service's RestContractsTest checks the real one against the same file),
     * and records the calls and their headers.
     */
    static final TestHttpServer NLP = TestHttpServer.start();
    static final JsonNode WAKE = readContract(Path.of("..", "contracts", "rest", "jobs-wake.json"));
    static final String WAKE_PATH = WAKE.at("/request/path").asText();

    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            NLP.serve(WAKE_PATH, WAKE.at("/response/status").asInt(), "text/plain", "");
            return Map.of("newslens.api-key", "s3cret-key",
                    "quarkus.rest-client.nlp.url", NLP.url(""));
        }
    }

    private static Map<String, Object> article() {
        String tag = UUID.randomUUID().toString();
        return Map.of("title", "Key " + tag, "text", "Guarded " + tag);
    }

    @Test
    void writesWithoutTheKeyAreRefused() {
        given().contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://newslens.dev/problems/unauthorized"))
                .body("title", equalTo("API key required"))
                .body("detail", containsString("X-API-Key"));
        given().header("X-API-Key", "wrong").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles")
                .then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType("application/x-ndjson").body("{}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/bulk")
                .then().statusCode(401);
    }

    @Test
    void everyMethodButGetHeadAndOptionsNeedsTheKey() {
        given().when().delete("/api/v1/feeds/1").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/articles/1").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().patch("/api/v1/articles/1").then().statusCode(401);
        given().when().head("/api/v1/articles").then().statusCode(200);
        given().when().options("/api/v1/articles").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void writesWithTheKeyAndReadsWithoutItAreAllowed() {
        given().header("X-API-Key", "s3cret-key").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles").then().statusCode(201);
        given().header("Authorization", "Bearer s3cret-key").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles").then().statusCode(201);
        given().when().get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void theWakeUpCallToNlpServiceCarriesTheKey() throws InterruptedException {
        given().header("X-API-Key", "s3cret-key").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles").then().statusCode(201);
        List<Headers> wakes = NLP.requests(WAKE_PATH);
        for (int waited = 0; wakes.isEmpty() && waited < 100; waited++) {
            Thread.sleep(100);
            wakes = NLP.requests(WAKE_PATH);
        }
        assertFalse(wakes.isEmpty(), "nlp-service was not woken at " + WAKE_PATH + ", where the contract says it listens");
        assertEquals(WAKE.at("/request/method").asText(), NLP.methods(WAKE_PATH).get(0), "the wake-up's method");
        assertEquals("s3cret-key", wakes.get(wakes.size() - 1).getFirst("X-API-Key"));
    }

    private static JsonNode readContract(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the contract " + file, e);
        }
    }
}
