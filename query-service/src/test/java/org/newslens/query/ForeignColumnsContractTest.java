package org.newslens.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * query-service's database contract with the services whose tables it reads. Every column listed in
 * {@code src/main/resources/db/foreign-columns.txt} must exist with its type, readable by the read-only
 * role, in the schema that ingest-service's and nlp-service's own Flyway migrations build; and every
 * table that query-service's SQL names must be listed. A migration that drops, renames or retypes a
 * column query-service reads fails here, in query-service's own test run.
 */
class ForeignColumnsContractTest {

    private static final Path DECLARED = Path.of("src", "main", "resources", "db", "foreign-columns.txt");
    private static final Pattern TABLE_IN_SQL =
            Pattern.compile("(?i)\\b(?:from|join|into|update|regclass\\(')\\s*((?:ingest|nlp)\\.[a-z_]+)\\b");

    private record Column(String table, String name, String type) {

        static Column parse(String line) {
            String[] fields = line.trim().split("\\s+");
            return new Column(fields[0], fields[1], fields[2]);
        }

        String schema() {
            return table.substring(0, table.indexOf('.'));
        }

        String tableName() {
            return table.substring(table.indexOf('.') + 1);
        }
    }

    private static PostgresTestResource database;
    private static String ownerUrl;

    @BeforeAll
    static void migrateTheOwnersSchemas() {
        database = new PostgresTestResource();
        ownerUrl = database.start().get(PostgresTestResource.OWNER_URL_KEY);
    }

    @AfterAll
    static void stop() {
        database.stop();
    }

    @Test
    void everyDeclaredColumnExistsWithItsTypeAndIsReadableByTheReaderRole() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(ownerUrl);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT udt_name, has_column_privilege(?, table_schema || '.' || table_name, column_name, 'SELECT')
                       FROM information_schema.columns
                      WHERE table_schema = ? AND table_name = ? AND column_name = ?""")) {
            for (Column column : declared()) {
                query.setString(1, PostgresTestResource.READER);
                query.setString(2, column.schema());
                query.setString(3, column.tableName());
                query.setString(4, column.name());
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        problems.add(column.table() + "." + column.name() + " does not exist");
                    } else if (!rows.getString(1).equals(column.type())) {
                        problems.add(column.table() + "." + column.name() + " is " + rows.getString(1) + ", not " + column.type());
                    } else if (!rows.getBoolean(2)) {
                        problems.add(column.table() + "." + column.name() + " is not readable by " + PostgresTestResource.READER);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "The owners' migrations no longer give query-service what " + DECLARED
                + " says it reads: " + problems + ". Change the migration, or query-service's SQL and that list with it.");
    }

    @Test
    void everyTableThatTheSqlNamesIsDeclared() throws Exception {
        Set<String> declaredTables = new TreeSet<>();
        declared().forEach(column -> declaredTables.add(column.table()));
        Set<String> named = tablesNamedInSql(Path.of("src", "main", "java"));
        assertTrue(named.size() > 1, "no SQL found under src/main/java: " + named);
        named.removeAll(declaredTables);
        assertTrue(named.isEmpty(), "query-service's SQL reads " + named + ", which " + DECLARED
                + " does not list: add the table and the columns used.");
    }

    private static List<Column> declared() throws IOException {
        return Files.readAllLines(DECLARED).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(Column::parse).toList();
    }

    private static Set<String> tablesNamedInSql(Path sources) throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = TABLE_IN_SQL.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }
}
