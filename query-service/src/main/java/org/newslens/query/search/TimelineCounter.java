package org.newslens.query.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newslens.query.index.ArticleFields;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * Coverage over time, like GDELT's TimelineVol and TimelineTone: per bucket, how many matching articles
 * were published, what share of all articles published then that is, and their mean tone. Buckets run
 * from the first to the last with a match, empty ones included; undated articles are left out.
 * Matches are summed per segment in parallel; the articles published per bucket are counted from the
 * publication time's points index, without visiting every article.
 */
final class TimelineCounter {

    /** More buckets than this is a request for a coarser interval. */
    static final int MAX_BUCKETS = 5_000;

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    private TimelineCounter() {
    }

    static List<TimelineBucket> count(IndexSearcher searcher, Query query, TimelineInterval interval) throws IOException {
        TreeMap<Long, Sums> matches = sums(searcher, query, interval);
        if (matches.isEmpty()) {
            return List.of();
        }
        Instant first = Instant.ofEpochMilli(matches.firstKey());
        Instant last = Instant.ofEpochMilli(matches.lastKey());
        // up to MAX_BUCKETS tiny range counts: on the calling thread, not one task each on the search threads
        IndexSearcher counter = new IndexSearcher(searcher.getIndexReader());
        List<TimelineBucket> buckets = new ArrayList<>();
        for (Instant bucket = first, next; !bucket.isAfter(last); bucket = next) {
            next = interval.next(bucket);
            if (buckets.size() == MAX_BUCKETS) {
                throw InvalidSearchException.parameter("interval", "the matches span more than " + MAX_BUCKETS
                        + " " + interval.name().toLowerCase() + "s: use a coarser interval or narrow q with published:[… TO …].");
            }
            Sums match = matches.getOrDefault(bucket.toEpochMilli(), new Sums());
            long total = match.count == 0 ? 0 : counter.count(LongPoint.newRangeQuery(ArticleFields.PUBLISHED,
                    bucket.toEpochMilli(), next.toEpochMilli() - 1));
            buckets.add(new TimelineBucket(bucket, match.count, total == 0 ? 0 : (double) match.count / total,
                    match.toned == 0 ? null : Math.round(match.tone / match.toned * 1000) / 1000.0));
        }
        return buckets;
    }

    /** Sums by bucket start (epoch milliseconds), in order. */
    private static TreeMap<Long, Sums> sums(IndexSearcher searcher, Query query, TimelineInterval interval)
            throws IOException {
        // summed per hour (interval=hour) or per UTC day, in arrays over the segment's publication span;
        // calendar buckets are looked up once per day afterwards, not per article
        long slotMs = interval == TimelineInterval.HOUR ? HOUR_MS : DAY_MS;
        Queue<SlotSums> segments = new ConcurrentLinkedQueue<>();
        MatchingDocs.forEachConcurrently(searcher, query, segment -> {
            NumericDocValues published = DocValues.getNumeric(segment.reader(), ArticleFields.PUBLISHED);
            NumericDocValues tone = DocValues.getNumeric(segment.reader(), ArticleFields.TONE);
            PointValues points = segment.reader().getPointValues(ArticleFields.PUBLISHED);
            if (points == null) {
                return doc -> {
                    // no article of this segment is dated
                };
            }
            long first = Math.floorDiv(LongPoint.decodeDimension(points.getMinPackedValue(), 0), slotMs);
            long last = Math.floorDiv(LongPoint.decodeDimension(points.getMaxPackedValue(), 0), slotMs);
            SlotSums sums = new SlotSums(first, slotMs, last - first < MAX_SLOTS ? (int) (last - first + 1) : 0);
            segments.add(sums);
            return doc -> {
                if (published.advanceExact(doc)) {
                    boolean toned = tone.advanceExact(doc);
                    sums.add(published.longValue(), toned, toned ? tone.longValue() : 0);
                }
            };
        });
        TreeMap<Long, Sums> merged = new TreeMap<>();
        Map<Long, Long> bucketOfSlot = new HashMap<>();
        for (SlotSums segment : segments) {
            segment.forEach((slot, sums) -> merged.computeIfAbsent(bucketOfSlot.computeIfAbsent(slot,
                    s -> interval.bucketOf(Instant.ofEpochMilli(s * slotMs)).toEpochMilli()), b -> new Sums()).add(sums));
        }
        return merged;
    }

    /** Above this many hours or days in one segment, its sums are kept in a map rather than arrays. */
    private static final int MAX_SLOTS = 1 << 16;

    /** One segment's sums per hour or UTC day (a slot), in arrays from its first slot, else in a map. */
    private static final class SlotSums {
        private final long firstSlot;
        private final long slotMs;
        private final long[] counts;
        private final long[] toned;
        private final double[] tones;
        private final Map<Long, Sums> overflow = new HashMap<>();

        SlotSums(long firstSlot, long slotMs, int slots) {
            this.firstSlot = firstSlot;
            this.slotMs = slotMs;
            counts = new long[slots];
            toned = new long[slots];
            tones = new double[slots];
        }

        /** {@code toneBits}: the tone's raw bits (DoubleDocValuesField keeps them) when {@code hasTone}. */
        void add(long millis, boolean hasTone, long toneBits) {
            long slot = Math.floorDiv(millis, slotMs);
            long i = slot - firstSlot;
            if (i >= 0 && i < counts.length) {
                counts[(int) i]++;
                if (hasTone) {
                    toned[(int) i]++;
                    tones[(int) i] += Double.longBitsToDouble(toneBits);
                }
            } else {
                Sums sums = overflow.computeIfAbsent(slot, s -> new Sums());
                sums.count++;
                if (hasTone) {
                    sums.toned++;
                    sums.tone += Double.longBitsToDouble(toneBits);
                }
            }
        }

        void forEach(BiConsumer<Long, Sums> action) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    Sums sums = new Sums();
                    sums.count = counts[i];
                    sums.toned = toned[i];
                    sums.tone = tones[i];
                    action.accept(firstSlot + i, sums);
                }
            }
            overflow.forEach(action);
        }
    }

    private static final class Sums {
        long count;
        long toned;
        double tone;

        void add(Sums other) {
            count += other.count;
            toned += other.toned;
            tone += other.tone;
        }
    }
}
