package org.newslens.query.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.newslens.query.config.AccessConfig;

import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Embeds query text through nlp-service, so queries and articles share one embedding model, sending the
 * suite's API key when one is configured. A slow or failing nlp-service is retried briefly, then reported
 * as {@link EmbeddingUnavailableException}; an answer that refuses the text itself is reported at once as
 * {@link QueryRefusedException}, since asking again cannot help.
 */
@ApplicationScoped
public class QueryEmbedder {

    private static final Logger LOG = Logger.getLogger(QueryEmbedder.class);
    /**
     * Answers about the text itself. Other 4xx (401/403: the key; 404: the URL; 408, 429) say that
     * query-service or nlp-service is set up wrong or busy, which the user cannot fix: unavailable.
     */
    private static final Set<Integer> TEXT_REFUSED = Set.of(400, 413, 414, 422);

    private final NlpClient nlp;
    private final String apiKey;

    QueryEmbedder(@RestClient NlpClient nlp, AccessConfig access) {
        this.nlp = nlp;
        this.apiKey = access.apiKey().orElse(null);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRefusedException.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = QueryRefusedException.class)
    public float[] embed(String text) {
        float[] vector;
        try {
            vector = nlp.embed(apiKey, new NlpClient.EmbedRequest(text)).vector();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (TEXT_REFUSED.contains(status)) {
                throw new QueryRefusedException("nlp-service could not embed q (it answered " + status
                        + "): write q as plain prose, or search with mode=lexical.");
            }
            throw e;
        }
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
