package org.newslens.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.testing.ForeignColumns;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    private static PostgresTestResource database;
    private static String url;

    @BeforeAll
    static void migrateTheOwnersSchema() {
        database = new PostgresTestResource();
        url = database.start().get("quarkus.datasource.jdbc.url");
    }

    @AfterAll
    static void stop() {
        database.stop();
    }

    @Test
    void everyDeclaredColumnExistsWithItsType() throws Exception {
        List<String> problems;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            problems = ForeignColumns.problems(connection, null);
        }
        assertTrue(problems.isEmpty(), "nlp-service's migrations no longer give ingest-service what " + ForeignColumns.DECLARED
                + " says it uses: " + problems + ". Change the migration, or ingest-service's SQL and that list with it.");
    }

    @Test
    void everyColumnThatTheInsertsLeaveOutIsNullableOrHasADefault() throws Exception {
        Set<String> writtenTables = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        for (ForeignColumns.Column column : ForeignColumns.declared()) {
            if (column.written()) {
                writtenTables.add(column.table());
                written.add(column.qualifiedName());
            }
        }
        assertTrue(!writtenTables.isEmpty(), ForeignColumns.DECLARED + " marks no column as written");
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
                + " inserts leave out: give the column a default, or write it (and mark it in " + ForeignColumns.DECLARED + ").");
    }

    @Test
    void everyTableThatTheSqlNamesIsDeclared() throws Exception {
        Set<String> named = ForeignColumns.tablesNamedInSql("nlp");
        assertTrue(!named.isEmpty(), "no SQL naming an nlp table found under src/main/java");
        named.removeAll(ForeignColumns.declaredTables());
        assertTrue(named.isEmpty(), "ingest-service's SQL uses " + named + ", which " + ForeignColumns.DECLARED
                + " does not list: add the table and the columns used.");
    }
}
