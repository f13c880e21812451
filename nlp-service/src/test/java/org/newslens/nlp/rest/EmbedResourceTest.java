package org.newslens.nlp.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins the contract query-service relies on. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EmbedResourceTest {

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void answersAUnitVectorOf384Dimensions() {
        JsonPath result = embed("ceasefire talks in Cairo");

        assertEquals("all-minilm-l6-v2-q", result.getString("model"));
        assertEquals(384, result.getInt("dimensions"));
        List<Float> vector = result.getList("vector", Float.class);
        assertEquals(384, vector.size());
        double squares = vector.stream().mapToDouble(v -> (double) v * v).sum();
        assertEquals(1.0, Math.sqrt(squares), 1e-4);
    }

    @Test
    void aRelatedQueryScoresHigherThanAnUnrelatedOne() {
        List<Float> article = embed("Egypt hosted negotiations on a truce between Israel and Hamas.").getList("vector", Float.class);
        double related = dot(article, embed("ceasefire talks in Cairo").getList("vector", Float.class));
        double unrelated = dot(article, embed("quarterly smartphone sales figures").getList("vector", Float.class));
        assertTrue(related > unrelated, related + " vs " + unrelated);
    }

    @Test
    void missingOrBlankTextIsAProblemNamingTheField() {
        for (Map<String, Object> body : List.of(Map.<String, Object>of(), Map.<String, Object>of("text", " \n"))) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/embed")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                    .body("field", equalTo("text"));
        }
    }

    @Test
    void textOverTheLimitIsRefusedWith413() {
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(1_000_001)))
                .when().post("/api/v1/embed")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/too-large"))
                .body("field", equalTo("text"));
    }

    private static JsonPath embed(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/embed")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static double dot(List<Float> a, List<Float> b) {
        double dot = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += (double) a.get(i) * b.get(i);
        }
        return dot;
    }
}
