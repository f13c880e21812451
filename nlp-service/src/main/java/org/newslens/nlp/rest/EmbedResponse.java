package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.nlp.pipeline.Findings.TextEmbedding;

@Schema(name = "EmbedResponse", description = "The text's embedding, comparable by dot product with the vectors in nlp.embeddings")
public record EmbedResponse(
        @Schema(example = "all-minilm-l6-v2-q") String model,
        @Schema(example = "384") int dimensions,
        @Schema(description = "L2-normalised: the mean of the vectors of the text's chunks of at most 128 word pieces, scaled to length 1")
        float[] vector) {

    static EmbedResponse of(TextEmbedding embedding) {
        return new EmbedResponse(embedding.model(), embedding.dimensions(), embedding.vector());
    }
}
