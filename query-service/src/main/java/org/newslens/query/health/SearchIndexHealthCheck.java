package org.newslens.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newslens.query.index.SearchIndexer;

/**
 * Ready once the index has caught up with the change feed after the service started or the index was
 * rebuilt: an empty or far-behind index would answer, but wrongly. DOWN while the index directory is
 * lost (until the indexer reopens it) and while it is rebuilt. Later lag is reported as data and does not
 * take the service out of rotation: a trailing index answers with slightly older results.
 */
@Readiness
@ApplicationScoped
public class SearchIndexHealthCheck implements HealthCheck {

    private final SearchIndexer indexer;

    public SearchIndexHealthCheck(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search index")
                .status(indexer.caughtUp())
                .withData("state", indexer.state())
                .withData("indexedSeq", indexer.indexedSeq())
                .withData("feedSeq", indexer.feedSeq())
                .withData("lag", indexer.lag())
                .build();
    }
}
