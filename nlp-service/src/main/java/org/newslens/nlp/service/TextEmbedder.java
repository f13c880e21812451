package org.newslens.nlp.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.newslens.nlp.pipeline.Findings.TextEmbedding;
import org.newslens.nlp.pipeline.SentenceEmbedder;

import java.util.List;

/** Embeds one text on request as articles are embedded (chunks, mean, L2-normalised), for query-service. */
@ApplicationScoped
public class TextEmbedder {

    private final SentenceEmbedder embedder;
    private final TextSizeLimit sizeLimit;
    private final ModelLoader models;

    TextEmbedder(SentenceEmbedder embedder, TextSizeLimit sizeLimit, ModelLoader models) {
        this.embedder = embedder;
        this.sizeLimit = sizeLimit;
        this.models = models;
    }

    public TextEmbedding embed(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.invalid("text", "text is missing or blank. Send the text to embed, e.g. {\"text\": \"ceasefire talks in Cairo\"}.");
        }
        sizeLimit.check("text", text);
        TextCharacters.check("text", text);
        if (!models.isReady()) {
            throw new ModelsNotReadyException();
        }
        TextEmbedding embedding = embedder.embed(List.of(text));
        if (embedding == null) {
            throw InvalidInputException.invalid("text", "text holds nothing the model can read. Send words.");
        }
        return embedding;
    }
}
