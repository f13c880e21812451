package org.newslens.nlp.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.newslens.nlp.pipeline.LanguageIdentifier;
import org.newslens.nlp.pipeline.NamedEntityRecognizer;
import org.newslens.nlp.pipeline.SentenceEmbedder;

/**
 * Loads the models once, on a background thread so that HTTP (and liveness) is up meanwhile; the
 * readiness check reports DOWN and the workers wait until this is done.
 */
@Singleton
public class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final LanguageIdentifier languageIdentifier;
    private final NamedEntityRecognizer recognizer;
    private final SentenceEmbedder embedder;
    private final Event<ModelsLoaded> loaded;
    private volatile boolean ready;
    private volatile String failure;

    ModelLoader(LanguageIdentifier languageIdentifier, NamedEntityRecognizer recognizer, SentenceEmbedder embedder,
                Event<ModelsLoaded> loaded) {
        this.languageIdentifier = languageIdentifier;
        this.recognizer = recognizer;
        this.embedder = embedder;
        this.loaded = loaded;
    }

    void onStart(@Observes StartupEvent start) {
        Thread thread = new Thread(this::load, "nlp-model-loader");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isReady() {
        return ready;
    }

    /** Why loading failed, or null. */
    public String failure() {
        return failure;
    }

    private void load() {
        long started = System.nanoTime();
        try {
            languageIdentifier.load();
            recognizer.load();
            embedder.load();
            ready = true;
            LOG.infof("NLP models loaded in %d ms", (System.nanoTime() - started) / 1_000_000);
            loaded.fire(new ModelsLoaded());
        } catch (RuntimeException | LinkageError e) {
            failure = e.toString();
            LOG.error("Could not load the NLP models; the service stays unready", e);
        }
    }
}
