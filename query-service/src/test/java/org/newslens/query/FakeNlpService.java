package org.newslens.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays nlp-service's {@code POST /api/v1/embed} at the HTTP boundary exactly as the contract
 * {@code contracts/rest/embed.json} writes it (nlp-service's RestContractsTest checks the real service
 * against the same file): a request of another method, media type or body shape gets 400, any other the
 * contract's answer, whose vector ({@link #QUERY_VECTOR}, a unit vector along {@link #QUERY_DIMENSION})
 * tests also store for one article. {@link #DOWN} makes it answer 500, {@link #REFUSE} 422 (a text it
 * cannot embed); {@link #LAST_API_KEY} holds the X-API-Key header of the last request (null when it had none).
 */
public class FakeNlpService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTRACT = read(Path.of("..", "contracts", "rest", "embed.json"));
    private static final JsonNode REQUEST = CONTRACT.get("request");
    private static final JsonNode RESPONSE = CONTRACT.get("response");

    public static final float[] QUERY_VECTOR = vector(RESPONSE.get("body").get("vector"));
    public static final int DIMENSIONS = QUERY_VECTOR.length;
    /** The dimension the contract's vector points along. */
    public static final int QUERY_DIMENSION = largest(QUERY_VECTOR);
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
        server.createContext(REQUEST.get("path").asText(), exchange -> {
            CALLS.incrementAndGet();
            LAST_API_KEY.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            String mismatch = mismatch(exchange);
            if (DOWN.get()) {
                answer(exchange, 500, "{\"error\":\"down\"}");
            } else if (mismatch != null) {
                // the test sees only query-service's answer to its own client: say here why the call was refused
                System.err.println("FakeNlpService: the request departs from contracts/rest/embed.json: " + mismatch);
                answer(exchange, 400, JSON.createObjectNode().put("detail", mismatch).toString());
            } else if (REFUSE.get()) {
                answer(exchange, 422, "{\"error\":\"refused\"}");
            } else {
                answer(exchange, RESPONSE.get("status").asInt(), RESPONSE.get("body").toString());
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.nlp.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** How the request departs from the contract's: another method, media type or body fields; null if it does not. */
    private static String mismatch(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!REQUEST.get("method").asText().equals(exchange.getRequestMethod())) {
            return "method " + exchange.getRequestMethod() + ", the contract says " + REQUEST.get("method").asText();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith(REQUEST.get("contentType").asText())) {
            return "Content-Type " + type + ", the contract says " + REQUEST.get("contentType").asText();
        }
        JsonNode sent = JSON.readTree(body);
        JsonNode expected = REQUEST.get("body");
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            if (sent.path(field.getKey()).getNodeType() != field.getValue().getNodeType()) {
                return "body field " + field.getKey() + " is " + sent.path(field.getKey()).getNodeType()
                        + ", the contract says " + field.getValue().getNodeType();
            }
        }
        return sent.size() == expected.size() ? null : "body " + sent + " has fields the contract lacks: " + expected;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RESPONSE.get("contentType").asText());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the contract " + file, e);
        }
    }

    private static float[] vector(JsonNode values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i).floatValue();
        }
        return vector;
    }

    private static int largest(float[] vector) {
        int largest = 0;
        for (int i = 1; i < vector.length; i++) {
            largest = vector[i] > vector[largest] ? i : largest;
        }
        return largest;
    }
}
