package org.newslens.query.index;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;

/**
 * Publishes the indexer's progress: {@code newslens_index_lag} (changes not yet searchable),
 * {@code newslens_index_documents_indexed_total} (articles written to the index by this replica, rebuilds
 * included) and {@code newslens_index_documents} (articles the index holds now).
 */
@ApplicationScoped
public class IndexMetrics {

    void register(@Observes StartupEvent startup, MeterRegistry registry, SearchIndexer indexer, LuceneIndex index) {
        Gauge.builder("newslens.index.lag", indexer, SearchIndexer::lag)
                .description("Changes in the nlp change feed not yet searchable (feed change_seq minus indexed change_seq)")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder("newslens.index.documents.indexed", indexer, SearchIndexer::documentsIndexed)
                .description("Articles written to the search index by this replica (new, updated or rebuilt)")
                .register(registry);
        Gauge.builder("newslens.index.documents", index, IndexMetrics::documents)
                .description("Articles in the search index as searches see it; NaN while it cannot be read")
                .strongReference(true)
                .register(registry);
    }

    private static double documents(LuceneIndex index) {
        try {
            return index.documentCount();
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
