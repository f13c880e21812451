package org.newslens.e2e;

import org.newslens.localpg.LocalPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as users run it: one local PostgreSQL and the three packaged services as child
 * JVMs, configured through the same environment variables Kubernetes uses, tracing to a collector
 * (an {@link OtlpReceiver} in this JVM).
 */
final class SuiteProcesses implements AutoCloseable {

    private final Path root;
    private final Path logs;
    private final LocalPostgres postgres;
    private final List<Process> services = new ArrayList<>();
    final OtlpReceiver traces;
    final String ingestUrl;
    final String nlpUrl;
    final String queryUrl;

    private SuiteProcesses(Path root, Path work) throws Exception {
        this.root = root;
        this.logs = Files.createDirectories(root.resolve("e2e-tests/target/e2e-logs"));
        this.postgres = LocalPostgres.start(work.resolve("postgres"), freePort());
        this.traces = new OtlpReceiver();
        int nlpPort = freePort();
        int ingestPort = freePort();
        int queryPort = freePort();
        nlpUrl = "http://127.0.0.1:" + nlpPort;
        ingestUrl = "http://127.0.0.1:" + ingestPort;
        queryUrl = "http://127.0.0.1:" + queryPort;
        start("nlp-service", nlpPort, LocalPostgres.OWNER_ROLE, Map.of());
        start("ingest-service", ingestPort, LocalPostgres.OWNER_ROLE, Map.of("QUARKUS_REST_CLIENT_NLP_URL", nlpUrl));
        start("query-service", queryPort, LocalPostgres.READER_ROLE,
                Map.of("NEWSLENS_INDEX_DIRECTORY", work.resolve("query-index").toString(), "QUARKUS_REST_CLIENT_NLP_URL", nlpUrl));
    }

    static SuiteProcesses start(Path work) throws Exception {
        SuiteProcesses suite = new SuiteProcesses(root(), work);
        try {
            for (String url : List.of(suite.nlpUrl, suite.ingestUrl, suite.queryUrl)) {
                suite.awaitReady(url, Duration.ofMinutes(3));
            }
            return suite;
        } catch (Exception | AssertionError e) {
            suite.close();
            throw e;
        }
    }

    /** The repository's root directory (Maven passes it; ".." when run from e2e-tests). */
    static Path root() {
        return Path.of(System.getProperty("newslens.root", "..")).toAbsolutePath().normalize();
    }

    private void start(String service, int port, String user, Map<String, String> extraEnvironment) throws IOException {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the end-to-end test through `./mvnw verify` from the root");
        }
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx768m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");  // loopback only, whatever the services' default
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", user);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.LOCAL_PASSWORD);
        // tracing is off by default; on, as with a collector in Kubernetes, exporting every 100 ms
        environment.put("QUARKUS_OTEL_SDK_DISABLED", "false");
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        environment.putAll(extraEnvironment);
        services.add(builder.start());
    }

    private void awaitReady(String baseUrl, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Process service : services) {
                if (!service.isAlive()) {
                    throw new AssertionError("A service exited early; see " + logs);
                }
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the service is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(baseUrl + " was not ready within " + timeout + "; see " + logs);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process service : services) {
            service.destroy();
        }
        for (Process service : services) {
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        postgres.close();
        traces.close();
    }
}
