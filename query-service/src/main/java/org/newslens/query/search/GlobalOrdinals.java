package org.newslens.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global ordinals of a sorted-set doc values field over all segments of one index reader: a segment's
 * ordinal maps to one number per distinct value across the index, in value order, so facet counts are
 * summed per global ordinal without looking values up. Building them merges every segment's values once;
 * they are cached per point-in-time reader (keyed on its cache helper) and dropped when that reader
 * closes, so a refreshed reader, whose segments and values differ, builds its own.
 */
final class GlobalOrdinals {

    /** Per reader (its cache key), per field. Entries leave when the reader closes. */
    private static final Map<IndexReader.CacheKey, Map<String, GlobalOrdinals>> CACHE = new ConcurrentHashMap<>();

    private final List<LeafReaderContext> leaves;
    private final String field;
    private final OrdinalMap map;
    private final long valueCount;

    private GlobalOrdinals(List<LeafReaderContext> leaves, String field, OrdinalMap map, long valueCount) {
        this.leaves = leaves;
        this.field = field;
        this.map = map;
        this.valueCount = valueCount;
    }

    /** The global ordinals of {@code field} for {@code reader}, built on first use and cached with the reader. */
    static GlobalOrdinals of(IndexReader reader, String field) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return build(reader, field);
        }
        Map<String, GlobalOrdinals> byField = CACHE.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(CACHE::remove);
            return new ConcurrentHashMap<>();
        });
        try {
            return byField.computeIfAbsent(field, f -> {
                try {
                    return build(reader, f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether global ordinals of {@code reader} are cached (for tests). */
    static boolean isCached(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper != null && CACHE.containsKey(helper.getKey());
    }

    private static GlobalOrdinals build(IndexReader reader, String field) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        if (leaves.size() == 1) {
            // one segment: its ordinals are already global
            SortedSetDocValues values = DocValues.getSortedSet(leaves.get(0).reader(), field);
            return new GlobalOrdinals(leaves, field, null, values.getValueCount());
        }
        SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
        }
        OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
        return new GlobalOrdinals(leaves, field, map, map.getValueCount());
    }

    /** How many distinct values the field has over the whole reader. */
    long valueCount() {
        return valueCount;
    }

    /** Maps the ordinals of the segment at {@code leafOrd} (its position in the reader) to global ones. */
    LongValues segmentToGlobal(int leafOrd) {
        return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leafOrd);
    }

    /** The value of a global ordinal, read from the first segment that has it. */
    BytesRef lookup(long globalOrd) throws IOException {
        int segment = map == null ? 0 : map.getFirstSegmentNumber(globalOrd);
        long segmentOrd = map == null ? globalOrd : map.getFirstSegmentOrd(globalOrd);
        return DocValues.getSortedSet(leaves.get(segment).reader(), field).lookupOrd(segmentOrd);
    }
}
