package org.newslens.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.EntityFacetValue;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Counts facet values over every matching article from sorted-set doc values: per segment by ordinal
 * (segments in parallel), then merged by value. Returns the most frequent values first, ties by value.
 */
final class FacetCounter {

    private FacetCounter() {
    }

    static Map<String, List<FacetValue>> count(IndexSearcher searcher, Query query, List<String> facets, int top)
            throws IOException {
        if (facets.isEmpty()) {
            return Map.of();
        }
        Queue<SegmentCounts> segments = new ConcurrentLinkedQueue<>();
        MatchingDocs.forEachConcurrently(searcher, query, segment -> {
            SegmentCounts[] perFacet = new SegmentCounts[facets.size()];
            for (int i = 0; i < facets.size(); i++) {
                SortedSetDocValues values = DocValues.getSortedSet(segment.reader(), ArticleFields.facetField(facets.get(i)));
                perFacet[i] = new SegmentCounts(facets.get(i), values, new long[(int) values.getValueCount()]);
                segments.add(perFacet[i]);
            }
            return doc -> {
                for (SegmentCounts counts : perFacet) {
                    counts.add(doc);
                }
            };
        });
        Map<String, Map<String, Long>> byValue = new HashMap<>();
        for (SegmentCounts segment : segments) {
            segment.mergeInto(byValue.computeIfAbsent(segment.facet(), f -> new HashMap<>()));
        }
        Map<String, List<FacetValue>> result = new LinkedHashMap<>();
        for (String facet : facets) {
            result.put(facet, top(facet, byValue.getOrDefault(facet, Map.of()), top));
        }
        return result;
    }

    private static List<FacetValue> top(String facet, Map<String, Long> counts, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(entry -> facetValue(facet, entry.getKey(), entry.getValue()))
                .toList();
    }

    static FacetValue facetValue(String facet, String stored, long count) {
        if (ArticleFields.ENTITY_FACETS.contains(facet)) {
            EntityFacetValue entity = EntityFacetValue.decode(stored);
            return new FacetValue(entity.canonical(), entity.id(), count);
        }
        return new FacetValue(stored, null, count);
    }

    private record SegmentCounts(String facet, SortedSetDocValues values, long[] ordinals) {

        void add(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                for (int n = 0; n < values.docValueCount(); n++) {
                    ordinals[(int) values.nextOrd()]++;
                }
            }
        }

        void mergeInto(Map<String, Long> counts) throws IOException {
            for (int ord = 0; ord < ordinals.length; ord++) {
                if (ordinals[ord] > 0) {
                    counts.merge(values.lookupOrd(ord).utf8ToString(), ordinals[ord], Long::sum);
                }
            }
        }
    }
}
