package org.newslens.query;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Plays nlp-service's {@code POST /api/v1/embed} contract at the HTTP boundary: every text embeds to
 * {@link #QUERY_VECTOR}, which tests also store for one article. {@link #DOWN} makes it answer 500,
 * {@link #REFUSE} 422 (a text it cannot embed); {@link #LAST_API_KEY} holds the X-API-Key header of the
 * last request (null when it had none).
 */
public class FakeNlpService implements QuarkusTestResourceLifecycleManager {

    public static final int DIMENSIONS = 384;
    /** The dimension the fake's vector points along. */
    public static final int QUERY_DIMENSION = 7;
    public static final float[] QUERY_VECTOR = Fixtures.unitVector(QUERY_DIMENSION);
    public static final AtomicBoolean DOWN = new AtomicBoolean();
    public static final AtomicBoolean REFUSE = new AtomicBoolean();
    public static final AtomicInteger CALLS = new AtomicInteger();
    public static final AtomicReference<String> LAST_API_KEY = new AtomicReference<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the fake nlp-service", e);
        }
        server.createContext("/api/v1/embed", exchange -> {
            CALLS.incrementAndGet();
            LAST_API_KEY.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            exchange.getRequestBody().readAllBytes();
            boolean down = DOWN.get() || !"POST".equals(exchange.getRequestMethod());
            int status = down ? 500 : REFUSE.get() ? 422 : 200;
            byte[] body = (status == 200 ? embedding() : "{\"error\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.nlp.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static String embedding() {
        String vector = IntStream.range(0, DIMENSIONS).mapToObj(i -> Float.toString(QUERY_VECTOR[i]))
                .collect(Collectors.joining(","));
        return "{\"model\":\"all-minilm-l6-v2-q\",\"dimensions\":" + DIMENSIONS + ",\"vector\":[" + vector + "]}";
    }
}
