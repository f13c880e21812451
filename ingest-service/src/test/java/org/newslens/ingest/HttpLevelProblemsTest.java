package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors Vert.x raises before a resource runs are problem+json too, with nosniff. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HttpLevelProblemsTest {

    /** HTTP clients refuse to send a malformed URI, so the request line goes over a plain loopback socket. */
    private static String rawGet(String uri) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles?source=%zz", "/api/v1/articles/%zz", "/api/v1/articles?source=%",
            "/api/v1/articles/%", "/api/v1/articles?source=%ed%a0%80%zz"})
    void aMalformedPercentEncodingIsAProblem(String uri) throws IOException {
        String response = rawGet(uri).toLowerCase();
        assertTrue(response.startsWith("http/1.1 400"), response);
        assertTrue(response.contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("x-content-type-options: nosniff"), response);
        assertTrue(response.contains("\"type\":\"https://newslens.dev/problems/malformed-request\""), response);
    }

    @Test
    void aUriOverTheLimitIsAProblem() {
        given().queryParam("source", "x".repeat(20_000)).when().get("/api/v1/articles")
                .then().statusCode(414).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("https://newslens.dev/problems/uri-too-long"));
    }
}
