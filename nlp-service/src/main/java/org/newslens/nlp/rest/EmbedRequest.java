package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EmbedRequest", description = "A text to embed, e.g. a search query")
public record EmbedRequest(
        @Schema(required = true, example = "ceasefire talks in Cairo") String text) {
}
