package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;
import org.newslens.nlp.pipeline.Findings.Keyphrase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyphraseAndSummaryStageTest {

    private static final String TEXT = "The river authority opened a new flood barrier in Lowmarsh on Tuesday. "
            + "The flood barrier cost four million euros and protects 2,000 homes. "
            + "Engineers said the flood barrier held during the spring storms. "
            + "Residents welcomed the barrier. A bakery on the square sold out of bread.";

    @Test
    void multiWordTopicsRankFirstWithRelativeScores() {
        Document document = Analysed.english(TEXT);
        new KeyphraseStage().apply(document);

        List<Keyphrase> keyphrases = document.keyphrases();
        assertTrue(keyphrases.size() <= KeyphraseStage.MAX);
        assertEquals("flood barrier", keyphrases.get(0).text().toLowerCase());
        assertEquals(1.0, keyphrases.get(0).score());
        assertTrue(keyphrases.stream().allMatch(k -> k.score() > 0 && k.score() <= 1));
    }

    @Test
    void phrasesJoinedByPrepositionsAndPossessivesAreCandidatesButTitledNamesAreNot() {
        Document document = Analysed.english("The council's budget was cut again on Monday. "
                + "Critics said the cost of flood defences keeps rising. "
                + "Mayor Tilda Brennick defended the council's budget and the cost of flood defences. "
                + "Engineers warned of rising repair bills, Brennick said.");
        new KeyphraseStage().apply(document);

        List<String> keyphrases = document.keyphrases().stream().map(Keyphrase::text).toList();
        assertTrue(keyphrases.contains("cost of flood defences"), keyphrases.toString());
        assertTrue(keyphrases.contains("council budget"), keyphrases.toString());
        assertTrue(keyphrases.contains("rising repair bills"), keyphrases.toString());
        assertTrue(keyphrases.contains("Tilda Brennick"), keyphrases.toString());
        assertTrue(keyphrases.stream().noneMatch(k -> k.contains("'s") || k.contains("Mayor")), keyphrases.toString());
    }

    @Test
    void summaryIsTwoOfTheTextsOwnSentencesInOrder() {
        Document document = Analysed.english(TEXT);
        new SummaryStage().apply(document);

        List<String> summary = document.summary();
        assertEquals(2, summary.size());
        assertTrue(summary.stream().allMatch(TEXT::contains));
        assertTrue(TEXT.indexOf(summary.get(0)) < TEXT.indexOf(summary.get(1)));
        assertTrue(summary.stream().noneMatch(s -> s.contains("bakery")));
    }
}
