package org.newslens.nlp.pipeline;

/**
 * One token as the recognizer split it: its text, lemma and Penn Treebank part-of-speech tag, with
 * UTF-16 offsets into the document text ({@code end} exclusive).
 */
public record Token(String text, String lemma, String pos, int start, int end) {

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isAdjective() {
        return pos.startsWith("JJ");
    }

    public boolean isNumber() {
        return pos.equals("CD");
    }

    public boolean isVerb() {
        return pos.startsWith("VB");
    }
}
