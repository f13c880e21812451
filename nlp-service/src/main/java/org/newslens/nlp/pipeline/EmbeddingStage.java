package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;

import java.util.Arrays;

/**
 * Embeds title and text together, for similarity search. Runs on every language: the model is
 * English-trained, so vectors of other languages are rougher but still comparable among themselves.
 */
@Singleton
public class EmbeddingStage implements AnalysisStage {

    private final SentenceEmbedder embedder;

    EmbeddingStage(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "embedding";
    }

    @Override
    public void apply(Document document) {
        document.setEmbedding(embedder.embed(Arrays.asList(document.title(), document.text())));
    }
}
