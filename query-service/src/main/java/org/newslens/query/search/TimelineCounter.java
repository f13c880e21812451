package org.newslens.query.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
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
        IndexSearcher counter = new IndexSearcher(searcher.getIndexReader());
        List<TimelineBucket> buckets = new ArrayList<>();
        for (Instant bucket = first; !bucket.isAfter(last); bucket = interval.next(bucket)) {
            if (buckets.size() == MAX_BUCKETS) {
                throw InvalidSearchException.parameter("interval", "the matches span more than " + MAX_BUCKETS
                        + " " + interval.name().toLowerCase() + "s: use a coarser interval or narrow q with published:[… TO …].");
            }
            Sums match = matches.getOrDefault(bucket.toEpochMilli(), new Sums());
            long total = match.count == 0 ? 0 : counter.count(LongPoint.newRangeQuery(ArticleFields.PUBLISHED,
                    bucket.toEpochMilli(), interval.next(bucket).toEpochMilli() - 1));
            buckets.add(new TimelineBucket(bucket, match.count, total == 0 ? 0 : (double) match.count / total,
                    match.toned == 0 ? null : Math.round(match.tone / match.toned * 1000) / 1000.0));
        }
        return buckets;
    }

    /** Sums by bucket start (epoch milliseconds), in order. */
    private static TreeMap<Long, Sums> sums(IndexSearcher searcher, Query query, TimelineInterval interval)
            throws IOException {
        Queue<Map<Long, Sums>> segments = new ConcurrentLinkedQueue<>();
        MatchingDocs.forEachConcurrently(searcher, query, segment -> {
            NumericDocValues published = DocValues.getNumeric(segment.reader(), ArticleFields.PUBLISHED);
            NumericDocValues tone = DocValues.getNumeric(segment.reader(), ArticleFields.TONE);
            Map<Long, Sums> byBucket = new HashMap<>();
            Map<Long, Long> bucketOfDay = new HashMap<>();
            segments.add(byBucket);
            return doc -> {
                if (published.advanceExact(doc)) {
                    long bucket = bucketStart(interval, published.longValue(), bucketOfDay);
                    Sums sums = byBucket.computeIfAbsent(bucket, b -> new Sums());
                    sums.count++;
                    if (tone.advanceExact(doc)) {
                        // DoubleDocValuesField keeps the raw bits of the double
                        sums.tone += Double.longBitsToDouble(tone.longValue());
                        sums.toned++;
                    }
                }
            };
        });
        TreeMap<Long, Sums> merged = new TreeMap<>();
        for (Map<Long, Sums> segment : segments) {
            segment.forEach((bucket, sums) -> merged.computeIfAbsent(bucket, b -> new Sums()).add(sums));
        }
        return merged;
    }

    /**
     * The start of the bucket holding {@code millis}. Calendar arithmetic is slow next to counting, and
     * every instant of a UTC day falls in the same day, week or month, so those are looked up per day.
     */
    private static long bucketStart(TimelineInterval interval, long millis, Map<Long, Long> bucketOfDay) {
        if (interval == TimelineInterval.HOUR) {
            return Math.floorDiv(millis, HOUR_MS) * HOUR_MS;
        }
        return bucketOfDay.computeIfAbsent(Math.floorDiv(millis, DAY_MS),
                day -> interval.bucketOf(Instant.ofEpochMilli(day * DAY_MS)).toEpochMilli());
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
