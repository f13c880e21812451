package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GazetteerStageTest {

    private final GazetteerStage gazetteer = new GazetteerStage(KnowledgeBase.parse("""
            id\ttype\tkind\tname\taliases\tdemonyms\tlat\tlon
            \tORGANIZATION\toutlet\tHarbour News\tHarbour News|HN\t\t\t
            \tORGANIZATION\toutlet\tHarbour\tHarbour\t\t\t
            \tORGANIZATION\tcompany\tQuillworks\tQuillworks\t\t\t
            \tLOCATION\tcountry\tJordan\tJordan\t\t\t
            """));

    @Test
    void findsKnownNamesOnWholeWordsLongestFirstAndCaseSensitively() {
        Document document = english("Harbour News and HN reported it; harbour news did not. HNS is another.");
        gazetteer.apply(document);

        assertEquals(List.of("Harbour News", "HN"), document.mentions().stream().map(Mention::text).toList());
        Mention first = document.mentions().get(0);
        assertEquals(0, first.start());
        assertEquals(EntityType.ORGANIZATION, first.type());
    }

    @Test
    void aKnownNameRetypesTheRecognizedMentionButAPersonStaysAPerson() {
        Document document = english("Quillworks said Jordan agreed.");
        document.setMentions(List.of(new Mention("Quillworks", EntityType.PERSON, 0, 10),
                new Mention("Jordan", EntityType.PERSON, 16, 22)));
        gazetteer.apply(document);

        assertEquals(List.of(EntityType.ORGANIZATION, EntityType.PERSON),
                document.mentions().stream().map(Mention::type).toList());
    }

    private static Document english(String text) {
        Document document = new Document(text, null, "en");
        document.setLanguage("en");
        return document;
    }
}
