package org.newslens.nlp.pipeline;

import java.util.List;

/**
 * Finds sentences, tokens and named-entity mentions. The engine behind it is replaceable: the
 * CoreNLP one makes this service GPL-3.0, a permissively licensed engine would not.
 */
public interface NamedEntityRecognizer {

    /** Loads the engine's models; called once at start, before any {@link #recognize}. */
    void load();

    /** Whether this engine has models for the language (ISO 639-1). */
    boolean supports(String language);

    /** Mentions carry offsets into {@code text}, in text order. Safe to call from several threads. */
    Recognition recognize(String text);

    /** Sentences with their tokens (offsets into the text), and the entity mentions. */
    record Recognition(List<Sentence> sentences, List<Mention> mentions) {

        public int tokenCount() {
            return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
        }
    }
}
