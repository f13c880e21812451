package org.newslens.nlp.service;

/** Fired once every model is loaded: from then on the pipeline can run. */
public record ModelsLoaded() {
}
