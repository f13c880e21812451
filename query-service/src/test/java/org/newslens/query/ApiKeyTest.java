package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the suite's API key configured, query-service sends it to nlp-service on /embed, while its own
 * reads (all GETs) stay open; every response, problems and /q/* included, says nosniff.
 */
@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class ApiKeyTest {

    static final String KEY = "test-suite-key-6f1d";

    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newslens.api-key", KEY);
        }
    }

    @Test
    void theKeyIsSentToNlpServiceWhenEmbeddingAQuery() {
        FakeNlpService.DOWN.set(false);
        given().queryParam("q", "water").queryParam("mode", "semantic").get("/api/v1/search").then().statusCode(200);
        assertEquals(KEY, FakeNlpService.LAST_API_KEY.get());
    }

    @Test
    void readsStayOpenWithoutTheKey() {
        given().get("/api/v1/search").then().statusCode(200);
        given().get("/api/v1/entities").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void everyResponseSaysNosniff() {
        given().get("/api/v1/search").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().queryParam("size", "0").get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json").header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/articles/999999").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        given().get("/q/health/live").then().header("X-Content-Type-Options", "nosniff");
    }
}
