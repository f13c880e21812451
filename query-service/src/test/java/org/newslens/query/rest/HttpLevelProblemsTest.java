package org.newslens.query.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.query.FakeNlpService;
import org.newslens.query.PostgresTestResource;

import java.io.IOException;
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
@WithTestResource(FakeNlpService.class)
class HttpLevelProblemsTest {

    /** HTTP clients refuse to send a malformed URI, so the request line goes over a plain loopback socket. */
    private static String raw(String method, String uri) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + uri + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/search?q=%zz", "GET /api/v1/articles/%zz", "GET /api/v1/entities?q=%"})
    void aMalformedPercentEncodingIsAProblem(String request) throws IOException {
        String[] parts = request.split(" ");
        String response = raw(parts[0], parts[1]);
        assertTrue(response.startsWith("http/1.1 400"), response);
        assertTrue(response.contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("x-content-type-options: nosniff"), response);
        assertTrue(response.contains("\"type\":\"https://newslens.dev/problems/malformed-request\""), response);
    }

    @Test
    void aUriOverTheLimitIsAProblem() {
        given().queryParam("q", "x".repeat(100_000)).when().get("/api/v1/search")
                .then().statusCode(414).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("https://newslens.dev/problems/uri-too-long"));
    }
}
