package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.pipeline.Findings.TextEmbedding;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real model. */
class SentenceEmbedderTest {

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new SentenceEmbedder(64);
        embedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[] ceasefire = vector("Negotiators in Cairo agreed on a ceasefire between the two sides.");
        float[] truce = vector("A truce was reached in talks hosted by Egypt.");
        float[] football = vector("The striker scored twice as the home team won the league title.");

        double related = cosine(ceasefire, truce);
        double unrelated = cosine(ceasefire, football);
        assertTrue(related > unrelated + 0.2, "related " + related + ", unrelated " + unrelated);
    }

    @Test
    void vectorsHave384DimensionsAndUnitLength() {
        TextEmbedding embedding = embedder.embed(List.of("Title", "Some text."));

        assertEquals("all-minilm-l6-v2-q", embedding.model());
        assertEquals(384, embedding.dimensions());
        assertEquals(1.0, Math.sqrt(cosine(embedding.vector(), embedding.vector())), 1e-4);
    }

    @Test
    void longTextsAreChunkedWithinTheModelsWindowAndAllChunksCount() {
        String sentence = "The central bank raised interest rates by a quarter point to curb inflation. ";
        String text = sentence.repeat(40);

        List<String> chunks = embedder.chunks(List.of(text));
        TextEmbedding embedding = embedder.embed(List.of(text));

        // some 15 word pieces a sentence: 8 sentences fill a chunk of 126
        assertTrue(chunks.size() >= 4, "chunks: " + chunks.size());
        assertEquals(40, String.join(" ", chunks).split("inflation\\.", -1).length - 1);
        assertEquals(chunks.size(), embedding.chunks());
        // a sentence repeated: every chunk says the same, so the mean stays close to one sentence's vector
        assertTrue(cosine(embedding.vector(), vector(sentence)) > 0.9);
    }

    @Test
    void everyLanguageGetsAVector() {
        assertEquals(384, embedder.embed(List.of("Die Bundesregierung hat ein neues Gesetz beschlossen.")).dimensions());
        assertEquals(null, embedder.embed(List.of(" ")));
    }

    private static float[] vector(String text) {
        return embedder.embed(List.of(text)).vector();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
