package org.newslens.nlp.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.nlp.PostgresTestResource;
import org.newslens.testing.RawHttp;

import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Errors Vert.x raises before a resource runs are problem+json too, with nosniff. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HttpLevelProblemsTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/articles/%zz/analysis", "POST /api/v1/jobs/%zz/retry", "GET /api/v1/articles/%/analysis"})
    void aMalformedPercentEncodingIsAProblem(String request) throws IOException {
        String[] parts = request.split(" ");
        RawHttp.requireProblem(parts[0], parts[1], 400, "malformed-request");
    }

    @Test
    void aBodyOverTheHttpLimitIsAProblem() {
        given().contentType("application/json").body("{\"text\": \"" + "y".repeat(3 * 1024 * 1024) + "\"}")
                .when().post("/api/v1/embed")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("https://newslens.dev/problems/too-large"));
    }
}
