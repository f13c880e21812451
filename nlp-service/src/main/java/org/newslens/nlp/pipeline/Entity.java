package org.newslens.nlp.pipeline;

import java.util.List;

/** One real-world entity of a document: every mention of it, merged under one canonical name. */
public record Entity(String canonical, EntityType type, List<String> aliases, List<Mention> mentions) {
}
