package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@WithTestResource(PostgresTestResource.class)
class ApiKeyTest {

    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newslens.ingest.api-key", "s3cret-key");
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
                .body("type", equalTo("https://newslens.dev/problems/unauthorized"));
        given().header("X-API-Key", "wrong").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles")
                .then().statusCode(401);
    }

    @Test
    void writesWithTheKeyAndReadsWithoutItAreAllowed() {
        given().header("X-API-Key", "s3cret-key").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles").then().statusCode(201);
        given().header("Authorization", "Bearer s3cret-key").contentType(ContentType.JSON).body(article())
                .when().post("/api/v1/articles").then().statusCode(201);
        given().when().get("/api/v1/articles").then().statusCode(200);
    }
}
