package org.newslens.query.service;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The directory of entities from PostgreSQL: prefix autocomplete over canonical names (any word of
 * them) and aliases, most mentioned first, and one entity by id.
 */
@ApplicationScoped
public class EntityDirectory {

    private static final String COLUMNS = """
            SELECT e.id, e.canonical, e.type, e.kb_id,
                   ARRAY(SELECT al.alias FROM nlp.entity_aliases al WHERE al.entity_id = e.id ORDER BY al.alias) AS aliases,
                   (SELECT count(DISTINCT m.article_id) FROM nlp.mentions m WHERE m.entity_id = e.id) AS articles
              FROM nlp.entities e
            """;

    private static final String LIST = COLUMNS + """
             WHERE e.type = coalesce(?::text, e.type)
               AND (lower(e.canonical) LIKE ? ESCAPE '\\' OR lower(e.canonical) LIKE ? ESCAPE '\\'
                    OR EXISTS (SELECT 1 FROM nlp.entity_aliases al
                                WHERE al.entity_id = e.id AND lower(al.alias) LIKE ? ESCAPE '\\'))
             ORDER BY articles DESC, e.canonical, e.id
             LIMIT ?""";

    private static final String ONE = COLUMNS + " WHERE e.id = ?";

    private final DataSource dataSource;

    EntityDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Entities whose name or alias starts with {@code prefix} (or has a word that does); all when it is blank. */
    public List<EntitySummaryRow> find(String prefix, String type, int size) throws SQLException {
        String like = escape(prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LIST)) {
            statement.setString(1, EntityType.parse(type));
            statement.setString(2, like + "%");
            statement.setString(3, "% " + like + "%");
            statement.setString(4, like + "%");
            statement.setInt(5, size);
            try (ResultSet rs = statement.executeQuery()) {
                List<EntitySummaryRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    public Optional<EntitySummaryRow> get(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static EntitySummaryRow row(ResultSet rs) throws SQLException {
        return new EntitySummaryRow(rs.getLong("id"), rs.getString("canonical"), rs.getString("type"),
                rs.getString("kb_id"), Arrays.asList((String[]) rs.getArray("aliases").getArray()), rs.getLong("articles"));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
