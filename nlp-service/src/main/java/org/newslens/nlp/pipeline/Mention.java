package org.newslens.nlp.pipeline;

/** A span of the input text naming an entity; {@code start}/{@code end} are UTF-16 offsets, end exclusive. */
public record Mention(String text, EntityType type, int start, int end) {
}
