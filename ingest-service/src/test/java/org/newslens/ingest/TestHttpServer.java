package org.newslens.ingest;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server for tests that serves what each test registers under a path, answers 304 to a
 * matching If-None-Match or If-Modified-Since, and remembers the headers of every request.
 */
public final class TestHttpServer implements AutoCloseable {

    private record Resource(int status, Map<String, String> headers, byte[] body, boolean chunked, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, List<Headers>> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> methods = new ConcurrentHashMap<>();

    private TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestHttpServer start() {
        try {
            return new TestHttpServer();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test HTTP server", e);
        }
    }

    /** The absolute URL of {@code path} on this server, e.g. http://127.0.0.1:41234/rss.xml. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, int status, String contentType, String body) {
        serve(path, status, Map.of("Content-Type", contentType), body);
    }

    /** Headers may include ETag and Last-Modified; a request repeating them gets 304. */
    public void serve(String path, int status, Map<String, String> headers, String body) {
        resources.put(path, new Resource(status, headers, body.getBytes(StandardCharsets.UTF_8), false, Duration.ZERO));
    }

    /** {@code length} bytes sent in chunks, without a Content-Length, so the client cannot know the size in advance. */
    public void serveChunked(String path, int length) {
        resources.put(path, new Resource(200, Map.of("Content-Type", "text/plain"), new byte[length], true, Duration.ZERO));
    }

    public void serveSlowly(String path, Duration delay) {
        resources.put(path, new Resource(200, Map.of("Content-Type", "text/plain"), new byte[1], false, delay));
    }

    public void redirect(String path, String location) {
        resources.put(path, new Resource(302, Map.of("Location", location), new byte[0], false, Duration.ZERO));
    }

    /** The method of every request for {@code path}, oldest first. */
    public List<String> methods(String path) {
        return methods.getOrDefault(path, List.of());
    }

    /** The headers of every request for {@code path}, oldest first. */
    public List<Headers> requests(String path) {
        return requests.getOrDefault(path, List.of());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, ignored -> new CopyOnWriteArrayList<>()).add(exchange.getRequestHeaders());
        methods.computeIfAbsent(path, ignored -> new CopyOnWriteArrayList<>()).add(exchange.getRequestMethod());
        Resource resource = resources.get(path);
        try {
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            sleep(resource.delay());
            resource.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (notModified(exchange, resource)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (resource.body().length == 0) {
                exchange.sendResponseHeaders(resource.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(resource.status(), resource.chunked() ? 0 : resource.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int offset = 0; offset < resource.body().length; offset += 1024) {
                    out.write(resource.body(), offset, Math.min(1024, resource.body().length - offset));
                    out.flush();
                }
            } catch (IOException clientGaveUp) {
                // the client stopped reading (size cap, timeout): nothing to do
            }
        } finally {
            exchange.close();
        }
    }

    private static boolean notModified(HttpExchange exchange, Resource resource) {
        String etag = resource.headers().get("ETag");
        String lastModified = resource.headers().get("Last-Modified");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (etag != null && ifNoneMatch != null) {
            return etag.equals(ifNoneMatch);
        }
        return lastModified != null && lastModified.equals(ifModifiedSince);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
