package org.newslens.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.newslens.query.search.SearchBackend;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory of entities: prefix autocomplete over canonical names (any word of them) and aliases,
 * most mentioned first, and one entity by id. Names come from PostgreSQL; how many articles mention each
 * entity comes from the search index, where it is one term lookup (an article counts once it is indexed,
 * about a second after its enrichment).
 */
@ApplicationScoped
public class EntityDirectory {

    private static final String CANDIDATES = """
            SELECT e.id, e.canonical
              FROM nlp.entities e
             WHERE e.type = coalesce(?::text, e.type)
               AND (lower(e.canonical) LIKE ? ESCAPE '\\' OR lower(e.canonical) LIKE ? ESCAPE '\\'
                    OR EXISTS (SELECT 1 FROM nlp.entity_aliases al
                                WHERE al.entity_id = e.id AND lower(al.alias) LIKE ? ESCAPE '\\'))""";

    private static final String DETAILS = """
            SELECT e.id, e.canonical, e.type, e.kb_id,
                   ARRAY(SELECT al.alias FROM nlp.entity_aliases al WHERE al.entity_id = e.id ORDER BY al.alias) AS aliases
              FROM nlp.entities e
             WHERE e.id = ANY (?)""";

    private final DataSource dataSource;
    private final SearchBackend index;

    EntityDirectory(DataSource dataSource, SearchBackend index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    /** Entities whose name or alias starts with {@code prefix} (or has a word that does); all when it is blank. */
    public List<EntitySummaryRow> find(String prefix, String type, int size) throws SQLException {
        String like = escape(prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT));
        Map<Long, String> candidates = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(CANDIDATES)) {
            statement.setString(1, EntityType.parse(type));
            statement.setString(2, like + "%");
            statement.setString(3, "% " + like + "%");
            statement.setString(4, like + "%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    candidates.put(rs.getLong("id"), rs.getString("canonical"));
                }
            }
        }
        Map<Long, Long> articles = index.articlesMentioning(candidates.keySet());
        List<Long> top = candidates.keySet().stream()
                .sorted(Comparator.<Long>comparingLong(articles::get).reversed()
                        .thenComparing(candidates::get).thenComparing(Comparator.naturalOrder()))
                .limit(size)
                .toList();
        return details(top, articles);
    }

    public Optional<EntitySummaryRow> get(long id) throws SQLException {
        return details(List.of(id), index.articlesMentioning(List.of(id))).stream().findFirst();
    }

    /** The entities {@code ids} that exist, in that order. */
    private List<EntitySummaryRow> details(List<Long> ids, Map<Long, Long> articles) throws SQLException {
        Map<Long, EntitySummaryRow> byId = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(DETAILS)) {
            Array idArray = connection.createArrayOf("bigint", ids.toArray());
            statement.setArray(1, idArray);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    byId.put(id, new EntitySummaryRow(id, rs.getString("canonical"), rs.getString("type"),
                            rs.getString("kb_id"), Arrays.asList((String[]) rs.getArray("aliases").getArray()),
                            articles.get(id)));
                }
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
