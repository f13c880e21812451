package org.newslens.nlp.pipeline;

import java.util.List;

/**
 * One real-world entity of a document: every mention of it, merged under one canonical name.
 * {@code kbId} is its Wikidata id where the knowledge base knows the entity, else null.
 */
public record Entity(String canonical, EntityType type, List<String> aliases, List<Mention> mentions, String kbId) {

    public Entity(String canonical, EntityType type, List<String> aliases, List<Mention> mentions) {
        this(canonical, type, aliases, mentions, null);
    }
}
