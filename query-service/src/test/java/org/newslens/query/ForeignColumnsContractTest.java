package org.newslens.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.testing.ForeignColumns;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * query-service's database contract with the services whose tables it reads. Every column listed in
 * {@code src/main/resources/db/foreign-columns.txt} must exist with its type, readable by the read-only
 * role, in the schema that ingest-service's and nlp-service's own Flyway migrations build; and every
 * table that query-service's SQL names must be listed. A migration that drops, renames or retypes a
 * column query-service reads fails here, in query-service's own test run.
 */
class ForeignColumnsContractTest {

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
        List<String> problems;
        try (Connection connection = DriverManager.getConnection(ownerUrl)) {
            problems = ForeignColumns.problems(connection, PostgresTestResource.READER);
        }
        assertTrue(problems.isEmpty(), "The owners' migrations no longer give query-service what " + ForeignColumns.DECLARED
                + " says it reads: " + problems + ". Change the migration, or query-service's SQL and that list with it.");
    }

    @Test
    void everyTableThatTheSqlNamesIsDeclared() throws Exception {
        Set<String> named = ForeignColumns.tablesNamedInSql("ingest", "nlp");
        assertTrue(named.size() > 1, "no SQL found under src/main/java: " + named);
        named.removeAll(ForeignColumns.declaredTables());
        assertTrue(named.isEmpty(), "query-service's SQL reads " + named + ", which " + ForeignColumns.DECLARED
                + " does not list: add the table and the columns used.");
    }
}
