package org.newslens.query.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.newslens.query.index.ArticleFields;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Coverage over time, like GDELT's TimelineVol and TimelineTone: per bucket, how many matching articles
 * were published, what share of all articles published then that is, and their mean tone. Buckets run
 * from the first to the last with a match, empty ones included; undated articles are left out.
 */
final class TimelineCounter {

    /** More buckets than this is a request for a coarser interval. */
    static final int MAX_BUCKETS = 5_000;

    private TimelineCounter() {
    }

    static List<TimelineBucket> count(IndexSearcher searcher, Query query, TimelineInterval interval) throws IOException {
        TreeMap<Instant, Sums> matches = sums(searcher, query, interval);
        if (matches.isEmpty()) {
            return List.of();
        }
        Instant first = matches.firstKey();
        Instant last = matches.lastKey();
        TreeMap<Instant, Sums> all = sums(searcher, new MatchAllDocsQuery(), interval);
        List<TimelineBucket> buckets = new ArrayList<>();
        for (Instant bucket = first; !bucket.isAfter(last); bucket = interval.next(bucket)) {
            if (buckets.size() == MAX_BUCKETS) {
                throw InvalidSearchException.parameter("interval", "the matches span more than " + MAX_BUCKETS
                        + " " + interval.name().toLowerCase() + "s: use a coarser interval or narrow q with published:[… TO …].");
            }
            Sums match = matches.getOrDefault(bucket, new Sums());
            long total = all.getOrDefault(bucket, new Sums()).count;
            buckets.add(new TimelineBucket(bucket, match.count, total == 0 ? 0 : (double) match.count / total,
                    match.toned == 0 ? null : Math.round(match.tone / match.toned * 1000) / 1000.0));
        }
        return buckets;
    }

    private static TreeMap<Instant, Sums> sums(IndexSearcher searcher, Query query, TimelineInterval interval)
            throws IOException {
        TreeMap<Instant, Sums> byBucket = new TreeMap<>();
        MatchingDocs.forEach(searcher, query, segment -> {
            NumericDocValues published = DocValues.getNumeric(segment.reader(), ArticleFields.PUBLISHED);
            NumericDocValues tone = DocValues.getNumeric(segment.reader(), ArticleFields.TONE);
            return doc -> {
                if (published.advanceExact(doc)) {
                    Sums sums = byBucket.computeIfAbsent(interval.bucketOf(Instant.ofEpochMilli(published.longValue())),
                            b -> new Sums());
                    sums.count++;
                    if (tone.advanceExact(doc)) {
                        // DoubleDocValuesField keeps the raw bits of the double
                        sums.tone += Double.longBitsToDouble(tone.longValue());
                        sums.toned++;
                    }
                }
            };
        });
        return byBucket;
    }

    private static final class Sums {
        long count;
        long toned;
        double tone;
    }
}
