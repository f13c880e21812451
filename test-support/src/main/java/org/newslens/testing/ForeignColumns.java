package org.newslens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The columns of other services' tables that a service's SQL uses, as its
 * {@code src/main/resources/db/foreign-columns.txt} lists them ({@code schema.table column type [writes]}),
 * and the checks of that list against the schema the owners' migrations build. Run from the reader's
 * module folder.
 */
public final class ForeignColumns {

    public static final Path DECLARED = Path.of("src", "main", "resources", "db", "foreign-columns.txt");

    /** One listed column; {@code written} when the reader inserts it (marked {@code writes}). */
    public record Column(String table, String name, String type, boolean written) {

        static Column parse(String line) {
            String[] fields = line.trim().split("\\s+");
            return new Column(fields[0], fields[1], fields[2], fields.length > 3 && fields[3].equals("writes"));
        }

        public String schema() {
            return table.substring(0, table.indexOf('.'));
        }

        public String tableName() {
            return table.substring(table.indexOf('.') + 1);
        }

        public String qualifiedName() {
            return table + "." + name;
        }
    }

    private ForeignColumns() {
    }

    public static List<Column> declared() throws IOException {
        return Files.readAllLines(DECLARED).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(Column::parse).toList();
    }

    public static Set<String> declaredTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        declared().forEach(column -> tables.add(column.table()));
        return tables;
    }

    /** Every table of {@code schemas} that the SQL under src/main/java reads or writes. */
    public static Set<String> tablesNamedInSql(String... schemas) throws IOException {
        Pattern tableInSql = Pattern.compile("(?i)\\b(?:from|join|into|update|regclass\\(')\\s*((?:"
                + String.join("|", schemas) + ")\\.[a-z_]+)\\b");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = tableInSql.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    /**
     * What the schema no longer gives the listed columns: missing, of another type, or (where
     * {@code readerRole} is not null) not readable by that role. Empty when all is as listed.
     */
    public static List<String> problems(Connection connection, String readerRole) throws IOException, SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT udt_name, ?::text IS NULL OR has_column_privilege(?, table_schema || '.' || table_name, column_name, 'SELECT')
                  FROM information_schema.columns
                 WHERE table_schema = ? AND table_name = ? AND column_name = ?""")) {
            for (Column column : declared()) {
                query.setString(1, readerRole);
                query.setString(2, readerRole);
                query.setString(3, column.schema());
                query.setString(4, column.tableName());
                query.setString(5, column.name());
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        problems.add(column.qualifiedName() + " does not exist");
                    } else if (!rows.getString(1).equals(column.type())) {
                        problems.add(column.qualifiedName() + " is " + rows.getString(1) + ", not " + column.type());
                    } else if (!rows.getBoolean(2)) {
                        problems.add(column.qualifiedName() + " is not readable by " + readerRole);
                    }
                }
            }
        }
        return problems;
    }
}
