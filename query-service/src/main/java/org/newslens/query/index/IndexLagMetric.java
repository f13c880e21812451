package org.newslens.query.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Publishes the indexer's lag as the gauge {@code newslens.index.lag} (Prometheus: newslens_index_lag). */
@ApplicationScoped
public class IndexLagMetric {

    void register(@Observes StartupEvent startup, MeterRegistry registry, SearchIndexer indexer) {
        Gauge.builder("newslens.index.lag", indexer, SearchIndexer::lag)
                .description("Changes in the nlp change feed not yet searchable (feed change_seq minus indexed change_seq)")
                .strongReference(true)
                .register(registry);
    }
}
