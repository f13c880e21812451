package org.newslens.query.client;

/** nlp-service could not embed a query; semantic and hybrid searches cannot run until it can. */
public class EmbeddingUnavailableException extends RuntimeException {

    public EmbeddingUnavailableException(String message) {
        super(message);
    }
}
