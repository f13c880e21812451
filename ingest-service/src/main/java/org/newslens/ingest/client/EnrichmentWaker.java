package org.newslens.ingest.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.newslens.ingest.service.ArticlesQueued;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes nlp-service once queued articles are committed. The call is only an optimisation: if it fails,
 * the workers' own polling finds the job, so failures are logged and never reach the client. While
 * one wake-up is in flight further ones are skipped, so a burst of posts costs one call.
 */
@ApplicationScoped
public class EnrichmentWaker {

    private static final Logger LOG = Logger.getLogger(EnrichmentWaker.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final NlpClient nlp;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    EnrichmentWaker(@RestClient NlpClient nlp) {
        this.nlp = nlp;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesQueued queued) {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        nlp.wake()
                .ifNoItem().after(TIMEOUT).fail()
                .onTermination().invoke(() -> inFlight.set(false))
                .subscribe().with(
                        ignored -> { },
                        failure -> LOG.debugf("nlp-service not woken (%s); its workers will poll", failure.getMessage()));
    }
}
