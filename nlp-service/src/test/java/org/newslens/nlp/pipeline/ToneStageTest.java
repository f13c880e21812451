package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;
import org.newslens.nlp.pipeline.Findings.Evidence;
import org.newslens.nlp.pipeline.Findings.Tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToneStageTest {

    private final ToneStage tone = new ToneStage();

    @Test
    void negativeAndPositiveTextsGetTheirLabelAndTheWordsBehindIt() {
        Document grim = Analysed.english("Dozens were killed in a deadly attack on the market. The crisis deepened.");
        tone.apply(grim);
        assertEquals("negative", grim.tone().label());
        assertTrue(grim.tone().score() < 0 && grim.tone().score() >= -1);
        Evidence killed = grim.tone().evidence().get(0);
        assertEquals("killed", grim.text().substring(killed.start(), killed.end()));
        assertTrue(killed.weight() < 0);

        Document bright = Analysed.english("The rescue was a success and the families celebrated.");
        tone.apply(bright);
        assertEquals("positive", bright.tone().label());
    }

    @Test
    void negationFlipsAndIntensifiersStrengthen() {
        Document plain = Analysed.english("The talks were successful.");
        Document negated = Analysed.english("The talks were not successful.");
        Document boosted = Analysed.english("The talks were very successful.");
        tone.apply(plain);
        tone.apply(negated);
        tone.apply(boosted);

        assertTrue(negated.tone().score() < 0, negated.tone().toString());
        assertTrue(boosted.tone().score() > plain.tone().score());
    }

    @Test
    void eachSentenceAndEachEntityGetsATone() {
        Document document = Analysed.english("Marta Velez praised the peaceful agreement. Later a bomb killed ten people in Lima.");
        tone.apply(document);

        assertEquals(2, document.sentenceTones().size());
        assertEquals("positive", document.sentenceTones().get(0).tone().label());
        assertEquals("negative", document.sentenceTones().get(1).tone().label());
        Tone velez = document.entityTones().entrySet().stream()
                .filter(e -> e.getKey().canonical().equals("Marta Velez")).findFirst().orElseThrow().getValue();
        assertEquals("positive", velez.label());
    }

    @Test
    void wordsInsideNamesAreNotTone() {
        Document document = Analysed.english("The National Disaster Response Force arrived on Monday.");
        tone.apply(document);

        assertEquals("neutral", document.tone().label(), document.tone().toString());
    }
}
