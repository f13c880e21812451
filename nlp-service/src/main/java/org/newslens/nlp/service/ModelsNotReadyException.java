package org.newslens.nlp.service;

/** The models are still loading (a few seconds after start); the request can be retried shortly. */
public class ModelsNotReadyException extends RuntimeException {

    public ModelsNotReadyException() {
        super("The NLP models are still loading. Retry in a few seconds; GET /q/health/ready turns UP when they are loaded.");
    }
}
