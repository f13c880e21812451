package org.newslens.ingest;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ingest-service's database contract with nlp-service, whose job queue it writes and reads. Every
 * column listed in {@code src/main/resources/db/foreign-columns.txt} must exist with its type in the
 * schema that nlp-service's own Flyway migrations build; every other column of a table it inserts into
 * must be nullable or have a default; and every nlp table that ingest-service's SQL names must be
 * listed. A migration that drops, renames or retypes a column ingest-service uses, or adds one that its
 * inserts would have to fill, fails here, in ingest-service's own test run.
 */
class ForeignColumnsContractTest {

    private static final Path DECLARED = Path.of("src", "main", "resources", "db", "foreign-columns.txt");
    private static final Pattern TABLE_IN_SQL =
            Pattern.compile("(?i)\\b(?:from|join|into|update|regclass\\(')\\s*(nlp\\.[a-z_]+)\\b");

    private record Column(String table, String name, String type, boolean written) {

        static Column parse(String line) {
            String[] fields = line.trim().split("\\s+");
            return new Column(fields[0], fields[1], fields[2], fields.length > 3 && fields[3].equals("writes"));
        }

        String schema() {
            return table.substring(0, table.indexOf('.'));
        }

        String tableName() {
            return table.substring(table.indexOf('.') + 1);
        }
    }

    private static PostgresTestResource database;
    private static String url;

    @BeforeAll
    static void migrateTheOwnersSchema() {
        database = new PostgresTestResource();
        Map<String, String> config = database.start();
        url = config.get("quarkus.datasource.jdbc.url");
    }

    @AfterAll
    static void stop() {
        database.stop();
    }

    @Test
    void everyDeclaredColumnExistsWithItsType() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT udt_name FROM information_schema.columns
                      WHERE table_schema = ? AND table_name = ? AND column_name = ?""")) {
            for (Column column : declared()) {
                query.setString(1, column.schema());
                query.setString(2, column.tableName());
                query.setString(3, column.name());
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        problems.add(column.table() + "." + column.name() + " does not exist");
                    } else if (!rows.getString(1).equals(column.type())) {
                        problems.add(column.table() + "." + column.name() + " is " + rows.getString(1) + ", not " + column.type());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "nlp-service's migrations no longer give ingest-service what " + DECLARED
                + " says it uses: " + problems + ". Change the migration, or ingest-service's SQL and that list with it.");
    }

    @Test
    void everyColumnThatTheInsertsLeaveOutIsNullableOrHasADefault() throws Exception {
        Set<String> writtenTables = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        for (Column column : declared()) {
            if (column.written()) {
                writtenTables.add(column.table());
                written.add(column.table() + "." + column.name());
            }
        }
        assertTrue(!writtenTables.isEmpty(), DECLARED + " marks no column as written");
        List<String> required = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                      WHERE table_schema || '.' || table_name = ? AND is_nullable = 'NO'
                        AND column_default IS NULL AND is_identity = 'NO'""")) {
            for (String table : writtenTables) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (!written.contains(rows.getString(1))) {
                            required.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        assertTrue(required.isEmpty(), "nlp-service's migrations require " + required + ", which ingest-service's"
                + " inserts leave out: give the column a default, or write it (and mark it in " + DECLARED + ").");
    }

    @Test
    void everyTableThatTheSqlNamesIsDeclared() throws Exception {
        Set<String> declaredTables = new TreeSet<>();
        declared().forEach(column -> declaredTables.add(column.table()));
        Set<String> named = tablesNamedInSql(Path.of("src", "main", "java"));
        assertTrue(!named.isEmpty(), "no SQL naming an nlp table found under src/main/java");
        named.removeAll(declaredTables);
        assertTrue(named.isEmpty(), "ingest-service's SQL uses " + named + ", which " + DECLARED
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
