package org.newslens.nlp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL, set up as {@link PostgresTestResource} sets up its own, that a test can take down
 * and bring back ({@link #stop(Path)}, {@link #start(Path, int)}) to see how the service lives through
 * an outage. Its data directory and port reach the test as config properties
 * {@code outage-test.postgres.data-dir} and {@code outage-test.postgres.port}; stopping and starting go
 * through PostgreSQL's own pg_ctl, found beside the running server's binary (Linux: /proc).
 */
public class StoppablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path binaries;

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dataDir = Files.createTempDirectory("nlp-outage-pg");
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setPort(port).start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .schemas("ingest")
                    .createSchemas(true)
                    .locations("filesystem:../ingest-service/src/main/resources/db/ingest")
                    .placeholders(Map.of("readerRole", "newslens_reader"))
                    .load()
                    .migrate();
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "outage-test.postgres.data-dir", dataDir.toString(),
                    "outage-test.postgres.port", String.valueOf(port));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop embedded PostgreSQL", e);
        }
    }

    /** Takes the server down at once, as a crash would: open connections break, new ones are refused. */
    public static void stop(Path dataDir) throws IOException, InterruptedException {
        pgCtl(dataDir, List.of("-m", "immediate", "stop"));
    }

    /** Brings the server back on its port; it recovers from its write-ahead log as after a crash. */
    public static void start(Path dataDir, int port) throws IOException, InterruptedException {
        pgCtl(dataDir, List.of("-o", "-p " + port, "-l", dataDir.resolve("restart.log").toString(), "-w", "start"));
    }

    private static void pgCtl(Path dataDir, List<String> arguments) throws IOException, InterruptedException {
        Path pgCtl = binaries(dataDir).resolve("pg_ctl");
        List<String> command = new java.util.ArrayList<>(List.of(pgCtl.toString(), "-D", dataDir.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + arguments + " failed");
        }
    }

    /** The running server's own binaries, found through its process (so only while it runs: looked up before stopping). */
    private static synchronized Path binaries(Path dataDir) throws IOException {
        if (binaries == null) {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            binaries = Path.of("/proc", pid, "exe").toRealPath().getParent();
        }
        return binaries;
    }
}
