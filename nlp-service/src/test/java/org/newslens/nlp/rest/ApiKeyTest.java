package org.newslens.nlp.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** With newslens.api-key set, everything but reads needs the key; reads and health stay open. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@WithTestResource(PostgresTestResource.class)
class ApiKeyTest {

    private static final String KEY = "test-key-9f3c";
    private static final String TEXT_BODY = "{\"text\": \"ceasefire talks in Cairo\"}";

    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no workers: these tests only call the API
            return Map.of("newslens.api-key", KEY, "newslens.nlp.workers", "0");
        }
    }

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void everyWriteWithoutTheKeyIsUnauthorized() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-API-Key", "wrong"),
                Map.of("Authorization", "Bearer wrong"), Map.of("Authorization", KEY))) {
            for (String path : List.of("/api/v1/jobs/wake", "/api/v1/jobs/42/retry", "/api/v1/analyze", "/api/v1/embed")) {
                given().headers(headers).contentType(ContentType.JSON).body(TEXT_BODY).post(path)
                        .then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer")
                        .body("type", equalTo("https://newslens.dev/problems/unauthorized"))
                        .body("title", equalTo("API key required"))
                        .body("detail", containsString("X-API-Key"))
                        .body("detail", not(containsString(KEY)));
            }
        }
    }

    @Test
    void theKeyInEitherHeaderLetsWritesThrough() {
        given().header("X-API-Key", KEY).post("/api/v1/jobs/wake").then().statusCode(202);
        given().header("Authorization", "Bearer " + KEY).post("/api/v1/jobs/wake").then().statusCode(202);
        given().header("X-API-Key", KEY).post("/api/v1/jobs/42/retry").then().statusCode(404);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(TEXT_BODY).post("/api/v1/embed")
                .then().statusCode(200).body("dimensions", equalTo(384));
        given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON).body(TEXT_BODY).post("/api/v1/analyze")
                .then().statusCode(200).body("language", equalTo("en"));
    }

    @Test
    void readsAndHealthNeedNoKey() {
        given().get("/api/v1/jobs/stats").then().statusCode(200);
        given().get("/api/v1/articles/42/analysis").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
        given().options("/api/v1/embed").then().statusCode(not(equalTo(401)));
    }
}
