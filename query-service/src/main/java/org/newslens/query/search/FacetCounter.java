package org.newslens.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.LongValues;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.EntityFacetValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Counts facet values over every matching article from sorted-set doc values: per segment by the
 * segment's ordinal (segments in parallel), then each segment's counts are added up by global ordinal
 * ({@link GlobalOrdinals}, cached per index reader), so no value is looked up or compared while
 * counting; only the top values are. Returns the most frequent values first, ties in value order.
 */
final class FacetCounter {

    private FacetCounter() {
    }

    static Map<String, List<FacetValue>> count(IndexSearcher searcher, Query query, List<String> facets, int top)
            throws IOException {
        if (facets.isEmpty()) {
            return Map.of();
        }
        GlobalOrdinals[] global = new GlobalOrdinals[facets.size()];
        for (int i = 0; i < global.length; i++) {
            global[i] = GlobalOrdinals.of(searcher.getIndexReader(), ArticleFields.facetField(facets.get(i)));
        }
        Queue<SegmentCounts> segments = new ConcurrentLinkedQueue<>();
        MatchingDocs.forEachConcurrently(searcher, query, segment -> {
            SegmentCounts[] perFacet = new SegmentCounts[facets.size()];
            for (int i = 0; i < facets.size(); i++) {
                SortedSetDocValues values = DocValues.getSortedSet(segment.reader(), ArticleFields.facetField(facets.get(i)));
                perFacet[i] = new SegmentCounts(i, segment.ord, values, DocValues.unwrapSingleton(values),
                        new int[(int) values.getValueCount()]);
                segments.add(perFacet[i]);
            }
            return doc -> {
                for (SegmentCounts counts : perFacet) {
                    counts.add(doc);
                }
            };
        });
        long[][] counts = new long[facets.size()][];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new long[Math.toIntExact(global[i].valueCount())];
        }
        for (SegmentCounts segment : segments) {
            segment.addTo(counts[segment.facet()], global[segment.facet()].segmentToGlobal(segment.leafOrd()));
        }
        Map<String, List<FacetValue>> result = new LinkedHashMap<>();
        for (int i = 0; i < facets.size(); i++) {
            result.put(facets.get(i), top(facets.get(i), global[i], counts[i], top));
        }
        return result;
    }

    /** The {@code top} most frequent values, ties by global ordinal, which is value order. */
    private static List<FacetValue> top(String facet, GlobalOrdinals global, long[] counts, int top) throws IOException {
        // a min-heap of the best so far: its head is the weakest (lowest count, then highest ordinal)
        PriorityQueue<Integer> best = new PriorityQueue<>(top + 1,
                Comparator.<Integer>comparingLong(ord -> counts[ord]).thenComparing(Comparator.<Integer>reverseOrder()));
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] == 0) {
                continue;
            }
            if (best.size() < top) {
                best.add(ord);
            } else if (counts[ord] > counts[best.peek()]) {
                // an equal count never displaces: the earlier (lower) ordinal wins the tie
                best.poll();
                best.add(ord);
            }
        }
        List<Integer> ordered = new ArrayList<>(best);
        ordered.sort(Comparator.<Integer>comparingLong(ord -> counts[ord]).reversed().thenComparing(Comparator.naturalOrder()));
        List<FacetValue> values = new ArrayList<>(ordered.size());
        for (int ord : ordered) {
            values.add(facetValue(facet, global.lookup(ord).utf8ToString(), counts[ord]));
        }
        return values;
    }

    static FacetValue facetValue(String facet, String stored, long count) {
        if (ArticleFields.ENTITY_FACETS.contains(facet)) {
            EntityFacetValue entity = EntityFacetValue.decode(stored);
            return new FacetValue(entity.canonical(), entity.id(), entity.type(), count);
        }
        return new FacetValue(stored, null, null, count);
    }

    private record SegmentCounts(int facet, int leafOrd, SortedSetDocValues values, SortedDocValues single,
                                 int[] ordinals) {

        void add(int doc) throws IOException {
            if (single != null) {
                if (single.advanceExact(doc)) {
                    ordinals[single.ordValue()]++;
                }
            } else if (values.advanceExact(doc)) {
                for (int n = values.docValueCount(); n > 0; n--) {
                    ordinals[(int) values.nextOrd()]++;
                }
            }
        }

        void addTo(long[] global, LongValues toGlobal) {
            for (int ord = 0; ord < ordinals.length; ord++) {
                if (ordinals[ord] > 0) {
                    global[(int) toGlobal.get(ord)] += ordinals[ord];
                }
            }
        }
    }
}
