package org.newslens.query.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.query.FakeNlpService;
import org.newslens.query.PostgresTestResource;
import org.newslens.testing.RawHttp;

import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Errors Vert.x raises before a resource runs are problem+json too, with nosniff. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class HttpLevelProblemsTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/search?q=%zz", "GET /api/v1/articles/%zz", "GET /api/v1/entities?q=%"})
    void aMalformedPercentEncodingIsAProblem(String request) throws IOException {
        String[] parts = request.split(" ");
        RawHttp.requireProblem(parts[0], parts[1], 400, "malformed-request");
    }

    @Test
    void aUriOverTheLimitIsAProblem() {
        given().queryParam("q", "x".repeat(100_000)).when().get("/api/v1/search")
                .then().statusCode(414).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("https://newslens.dev/problems/uri-too-long"));
    }
}
