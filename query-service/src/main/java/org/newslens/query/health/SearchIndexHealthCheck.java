package org.newslens.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newslens.query.index.SearchIndexer;

/**
 * Reports how far the index trails the change feed. A lagging index still answers searches (with
 * slightly older results), so lag is reported as data and does not take the service out of rotation.
 */
@Readiness
@ApplicationScoped
public class SearchIndexHealthCheck implements HealthCheck {

    private final SearchIndexer indexer;

    SearchIndexHealthCheck(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search index")
                .up()
                .withData("indexedSeq", indexer.indexedSeq())
                .withData("feedSeq", indexer.feedSeq())
                .withData("lag", indexer.lag())
                .build();
    }
}
