package org.newslens.query.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;

/**
 * Embeds query text through nlp-service, so queries and articles share one embedding model. A slow or
 * failing nlp-service is retried briefly, then reported as {@link EmbeddingUnavailableException}.
 */
@ApplicationScoped
public class QueryEmbedder {

    private static final Logger LOG = Logger.getLogger(QueryEmbedder.class);

    private final NlpClient nlp;

    QueryEmbedder(@RestClient NlpClient nlp) {
        this.nlp = nlp;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    @Fallback(fallbackMethod = "unavailable")
    public float[] embed(String text) {
        float[] vector = nlp.embed(new NlpClient.EmbedRequest(text)).vector();
        if (vector == null || vector.length == 0) {
            throw new IllegalStateException("nlp-service answered without a vector");
        }
        return vector;
    }

    float[] unavailable(String text, Throwable failure) {
        LOG.warnf("Could not embed a query through nlp-service: %s", failure.toString());
        throw new EmbeddingUnavailableException(
                "Semantic search needs nlp-service to embed the query, and it did not answer ("
                        + failure.getClass().getSimpleName() + "). Retry shortly, or search with mode=lexical.");
    }
}
