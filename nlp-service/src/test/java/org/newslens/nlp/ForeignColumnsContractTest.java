package org.newslens.nlp;

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
 * nlp-service's database contract with ingest-service, whose articles its jobs read. Every column
 * listed in {@code src/main/resources/db/foreign-columns.txt} must exist with its type in the schema
 * that ingest-service's own Flyway migrations build, and every ingest table that nlp-service's SQL names
 * must be listed. A migration that drops, renames or retypes a column nlp-service reads fails here, in
 * nlp-service's own test run.
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
        assertTrue(problems.isEmpty(), "ingest-service's migrations no longer give nlp-service what " + ForeignColumns.DECLARED
                + " says it uses: " + problems + ". Change the migration, or nlp-service's SQL and that list with it.");
    }

    @Test
    void everyTableThatTheSqlNamesIsDeclared() throws Exception {
        Set<String> named = ForeignColumns.tablesNamedInSql("ingest");
        assertTrue(!named.isEmpty(), "no SQL naming an ingest table found under src/main/java");
        named.removeAll(ForeignColumns.declaredTables());
        assertTrue(named.isEmpty(), "nlp-service's SQL uses " + named + ", which " + ForeignColumns.DECLARED
                + " does not list: add the table and the columns used.");
    }
}
