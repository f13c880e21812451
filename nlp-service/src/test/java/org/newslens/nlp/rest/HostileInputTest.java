package org.newslens.nlp.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Input a client can get wrong is answered with a 400 that names the field, never a 500. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HostileInputTest {

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void aDuplicateKeyIsMalformedJsonNamingTheKey() {
        for (String path : List.of("/api/v1/embed", "/api/v1/analyze")) {
            post(path, "{\"text\": \"ceasefire talks\", \"text\": \"in Cairo\"}")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/malformed-json"))
                    .body("field", equalTo("text"))
                    .body("detail", containsString("each key once"));
        }
    }

    @Test
    void anythingAfterTheObjectIsMalformedJson() {
        post("/api/v1/embed", "{\"text\": \"ceasefire talks\"} {\"text\": \"more\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/malformed-json"));
        post("/api/v1/analyze", "{\"text\": \"ceasefire talks\"} x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/malformed-json"));
    }

    @Test
    void aNumberOrBooleanWhereTextBelongsIsRefusedNamingTheField() {
        post("/api/v1/analyze", "{\"text\": 123}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/malformed-json"))
                .body("field", equalTo("text"));
        post("/api/v1/analyze", "{\"text\": \"Talks resumed.\", \"title\": true}")
                .then().statusCode(400).body("field", equalTo("title"));
        post("/api/v1/embed", "{\"text\": 1.5}")
                .then().statusCode(400).body("field", equalTo("text"));
    }

    @Test
    void unknownPropertiesStayAccepted() {
        post("/api/v1/embed", "{\"text\": \"ceasefire talks\", \"sentBy\": \"a newer client\"}").then().statusCode(200);
    }

    @Test
    void aNulCharacterIsAnInvalidFieldNamingIt() {
        post("/api/v1/embed", "{\"text\": \"cease\\u0000fire\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                .body("field", equalTo("text"))
                .body("detail", containsString("NUL"));
        post("/api/v1/analyze", "{\"text\": \"Talks resumed.\", \"title\": \"a\\u0000b\"}")
                .then().statusCode(400).body("field", equalTo("title"));
    }

    @Test
    void aLoneSurrogateIsAnInvalidFieldNamingIt() {
        for (String text : List.of("cease\\ud800fire", "ends high \\ud83d", "\\udc00 starts low")) {
            for (String path : List.of("/api/v1/embed", "/api/v1/analyze")) {
                post(path, "{\"text\": \"" + text + "\"}")
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                        .body("field", equalTo("text"))
                        .body("detail", containsString("lone surrogate"));
            }
        }
        // a pair is a character like any other
        post("/api/v1/embed", "{\"text\": \"ceasefire \\ud83d\\udd4a talks\"}").then().statusCode(200);
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        given().get("/api/v1/jobs/stats").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/articles/1/analysis").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        post("/api/v1/embed", "{").then().statusCode(400).header("X-Content-Type-Options", "nosniff");
        given().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    private static io.restassured.response.Response post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }
}
