package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingChunkerTest {

    /** One token per whitespace-separated word, as a stand-in for word pieces. */
    private static final ToIntFunction<String> WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    @Test
    void packsWholeSentencesUpToTheLimit() {
        EmbeddingChunker chunker = new EmbeddingChunker(WORDS, 8, 10);

        List<String> chunks = chunker.chunks(List.of("One two three. Four five six. Seven eight nine ten. Eleven."));

        assertEquals(List.of("One two three. Four five six.", "Seven eight nine ten. Eleven."), chunks);
    }

    @Test
    void titleAndTextAreChunkedInOrderAndBlankPartsSkipped() {
        EmbeddingChunker chunker = new EmbeddingChunker(WORDS, 100, 10);

        assertEquals(List.of("Talks resume Negotiators met in Cairo."),
                chunker.chunks(Arrays.asList("Talks resume", null, "  ", "Negotiators met in Cairo.")));
        assertEquals(List.of(), chunker.chunks(Arrays.asList(null, " \n ")));
    }

    @Test
    void aSentenceOverTheLimitIsCutBetweenWords() {
        EmbeddingChunker chunker = new EmbeddingChunker(WORDS, 4, 10);

        List<String> chunks = chunker.chunks(List.of("a b c d e f g h i j. Short one."));

        assertEquals(List.of("a b c d", "e f g h", "i j. Short one."), chunks);
        chunks.forEach(chunk -> assertTrue(WORDS.applyAsInt(chunk) <= 4, chunk));
    }

    @Test
    void aWordOverTheLimitIsCutBetweenCharacters() {
        ToIntFunction<String> characters = text -> text.replaceAll("\\s", "").codePointCount(0, text.replaceAll("\\s", "").length());
        EmbeddingChunker chunker = new EmbeddingChunker(characters, 4, 10);

        assertEquals(List.of("abcd", "efgh", "ij"), chunker.chunks(List.of("abcdefghij")));
    }

    @Test
    void stopsAfterMaxChunks() {
        EmbeddingChunker chunker = new EmbeddingChunker(WORDS, 3, 2);

        assertEquals(List.of("One two three.", "Four five six."),
                chunker.chunks(List.of("One two three. Four five six. Seven eight nine. Ten.")));
    }
}
