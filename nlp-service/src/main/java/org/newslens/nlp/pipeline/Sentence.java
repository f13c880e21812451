package org.newslens.nlp.pipeline;

import java.util.List;

/** One sentence: the span it covers in the document text and its tokens in order. */
public record Sentence(int start, int end, List<Token> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public String text(String documentText) {
        return documentText.substring(start, end);
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
