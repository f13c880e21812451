package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.testing.RawHttp;

import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Errors Vert.x raises before a resource runs are problem+json too, with nosniff. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HttpLevelProblemsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles?source=%zz", "/api/v1/articles/%zz", "/api/v1/articles?source=%",
            "/api/v1/articles/%", "/api/v1/articles?source=%ed%a0%80%zz"})
    void aMalformedPercentEncodingIsAProblem(String uri) throws IOException {
        RawHttp.requireProblem("GET", uri, 400, "malformed-request");
    }

    @Test
    void aUriOverTheLimitIsAProblem() {
        given().queryParam("source", "x".repeat(20_000)).when().get("/api/v1/articles")
                .then().statusCode(414).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("https://newslens.dev/problems/uri-too-long"));
    }
}
