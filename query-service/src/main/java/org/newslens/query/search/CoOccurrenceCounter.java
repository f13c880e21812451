package org.newslens.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.EntityFacetValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the entity co-occurrence network of a match set from the entity facet's doc values: every
 * pair of entities in one article adds 1 to their edge. Keeps the {@code maxNodes} most frequent
 * entities and the edges between them.
 */
final class CoOccurrenceCounter {

    private CoOccurrenceCounter() {
    }

    static EntityGraph count(IndexSearcher searcher, Query query, int maxNodes) throws IOException {
        Map<Long, EntityFacetValue> entities = new HashMap<>();
        Map<Long, Long> nodeCounts = new HashMap<>();
        Map<List<Long>, Long> edgeCounts = new HashMap<>();
        long[] articles = {0};
        MatchingDocs.forEach(searcher, query, segment -> {
            SortedSetDocValues values = DocValues.getSortedSet(segment.reader(), ArticleFields.facetField(ArticleFields.ENTITY));
            Map<Long, EntityFacetValue> byOrdinal = new HashMap<>();
            return doc -> {
                articles[0]++;
                if (!values.advanceExact(doc)) {
                    return;
                }
                List<Long> ids = new ArrayList<>(values.docValueCount());
                for (int n = 0; n < values.docValueCount(); n++) {
                    long ord = values.nextOrd();
                    EntityFacetValue entity = byOrdinal.get(ord);
                    if (entity == null) {
                        entity = EntityFacetValue.decode(values.lookupOrd(ord).utf8ToString());
                        byOrdinal.put(ord, entity);
                    }
                    entities.putIfAbsent(entity.id(), entity);
                    ids.add(entity.id());
                }
                ids.sort(null);
                for (int i = 0; i < ids.size(); i++) {
                    nodeCounts.merge(ids.get(i), 1L, Long::sum);
                    for (int j = i + 1; j < ids.size(); j++) {
                        edgeCounts.merge(List.of(ids.get(i), ids.get(j)), 1L, Long::sum);
                    }
                }
            };
        });
        List<EntityGraph.Node> nodes = nodeCounts.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxNodes)
                .map(entry -> node(entities.get(entry.getKey()), entry.getValue()))
                .toList();
        Set<Long> kept = nodes.stream().map(EntityGraph.Node::id).collect(Collectors.toSet());
        List<EntityGraph.Edge> edges = edgeCounts.entrySet().stream()
                .filter(entry -> kept.contains(entry.getKey().get(0)) && kept.contains(entry.getKey().get(1)))
                .map(entry -> new EntityGraph.Edge(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
                .sorted(Comparator.comparingLong(EntityGraph.Edge::weight).reversed()
                        .thenComparingLong(EntityGraph.Edge::source).thenComparingLong(EntityGraph.Edge::target))
                .toList();
        return new EntityGraph(articles[0], nodes, edges);
    }

    private static EntityGraph.Node node(EntityFacetValue entity, long count) {
        return new EntityGraph.Node(entity.id(), entity.canonical(), entity.type(), count);
    }
}
