package org.newslens.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP clients refuse to send a malformed URI, so such a request line goes over a plain loopback socket. */
public final class RawHttp {

    private RawHttp() {
    }

    /** @return the whole response (status line, headers, body), lower-cased, from the service under test */
    public static String request(String method, String uri) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + uri + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
        }
    }

    /** Sends the request and checks that the answer is a problem+json of this status and kind, marked nosniff. */
    public static void requireProblem(String method, String uri, int status, String kind) throws IOException {
        String response = request(method, uri);
        assertTrue(response.startsWith("http/1.1 " + status), response);
        assertTrue(response.contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("x-content-type-options: nosniff"), response);
        assertTrue(response.contains("\"type\":\"https://newslens.dev/problems/" + kind + "\""), response);
    }
}
