package org.newslens.query.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Collection;

/**
 * Visits every document a query matches, segment by segment, for aggregations (facets, timelines,
 * graphs): one segment after another on the calling thread, so a visitor may keep plain mutable state
 * across segments, or on the index's search threads for visitors whose state is per segment.
 */
final class MatchingDocs {

    private MatchingDocs() {
    }

    /** Called once per segment; returns what to do with each matching document of it. */
    @FunctionalInterface
    interface SegmentVisitor {
        DocVisitor segment(LeafReaderContext segment) throws IOException;
    }

    @FunctionalInterface
    interface DocVisitor {
        /** {@code doc} is relative to the segment. */
        void visit(int doc) throws IOException;
    }

    /** Visits the segments one after another on the calling thread. */
    static void forEach(IndexSearcher searcher, Query query, SegmentVisitor visitor) throws IOException {
        forEachConcurrently(new IndexSearcher(searcher.getIndexReader()), query, visitor);
    }

    /**
     * Visits slices of segments in parallel on {@code searcher}'s threads: {@code visitor.segment} may be
     * called from several threads at once, and each returned {@link DocVisitor} is used by one thread.
     */
    static void forEachConcurrently(IndexSearcher searcher, Query query, SegmentVisitor visitor) throws IOException {
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new VisitingCollector(visitor);
            }

            @Override
            public Void reduce(Collection<Collector> collectors) {
                return null;
            }
        });
    }

    private record VisitingCollector(SegmentVisitor visitor) implements Collector {

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            DocVisitor docs = visitor.segment(context);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    docs.visit(doc);
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
