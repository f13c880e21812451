package org.newslens.nlp.pipeline;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Cuts text into chunks the embedding model reads whole: at most {@code maxTokens} word pieces each
 * (MiniLM silently drops whatever follows its 128th token). Chunks are whole sentences where a
 * sentence fits, packed greedily in text order; a longer sentence is cut between words, and a single
 * word longer than a chunk between characters. Counting relies on word-piece counts adding up over
 * whitespace-joined pieces, which holds for BERT tokenizers (they split on whitespace first).
 */
public final class EmbeddingChunker {

    private final ToIntFunction<String> tokenCount;
    private final int maxTokens;
    private final int maxChunks;

    /**
     * @param tokenCount word pieces of a text, special tokens not counted
     * @param maxTokens  most word pieces per chunk
     * @param maxChunks  most chunks per text; the text beyond them is not embedded
     */
    public EmbeddingChunker(ToIntFunction<String> tokenCount, int maxTokens, int maxChunks) {
        if (maxTokens < 1 || maxChunks < 1) {
            throw new IllegalArgumentException("maxTokens and maxChunks must be at least 1");
        }
        this.tokenCount = tokenCount;
        this.maxTokens = maxTokens;
        this.maxChunks = maxChunks;
    }

    /** The chunks of the given parts (e.g. title, then text), in order; empty when all parts are blank. */
    public List<String> chunks(List<String> parts) {
        Packer packer = new Packer();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String sentence : sentences(part)) {
                if (!addSentence(packer, sentence)) {
                    return packer.finish();
                }
            }
        }
        return packer.finish();
    }

    /** @return false once no further chunk may be started */
    private boolean addSentence(Packer packer, String sentence) {
        int tokens = tokenCount.applyAsInt(sentence);
        if (tokens <= maxTokens) {
            return packer.add(sentence, tokens);
        }
        for (String word : sentence.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int wordTokens = tokenCount.applyAsInt(word);
            if (wordTokens <= maxTokens) {
                if (!packer.add(word, wordTokens)) {
                    return false;
                }
                continue;
            }
            // a word piece covers at least one code point, so maxTokens code points never exceed maxTokens pieces
            for (int start = 0; start < word.length(); ) {
                int end = word.offsetByCodePoints(start, Math.min(maxTokens, word.codePointCount(start, word.length())));
                String slice = word.substring(start, end);
                if (!packer.add(slice, tokenCount.applyAsInt(slice))) {
                    return false;
                }
                start = end;
            }
        }
        return true;
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
        boundaries.setText(text);
        for (int start = boundaries.first(), end = boundaries.next(); end != BreakIterator.DONE;
             start = end, end = boundaries.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private final class Packer {
        private final List<String> chunks = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int currentTokens;

        /** Adds a piece of at most maxTokens; @return false once maxChunks are full */
        boolean add(String piece, int tokens) {
            if (tokens == 0) {
                return true;
            }
            if (currentTokens + tokens > maxTokens) {
                flush();
                if (chunks.size() == maxChunks) {
                    return false;
                }
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(piece);
            currentTokens += tokens;
            return true;
        }

        List<String> finish() {
            if (chunks.size() < maxChunks) {
                flush();
            }
            return List.copyOf(chunks);
        }

        private void flush() {
            if (!current.isEmpty()) {
                chunks.add(current.toString());
                current.setLength(0);
                currentTokens = 0;
            }
        }
    }
}
