package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseTest {

    private static final KnowledgeBase KB = KnowledgeBase.load();

    @Test
    void commonNamesResolveToOneEntityWithItsWikidataId() {
        for (String name : List.of("US", "U.S.", "United States", "America", "USA")) {
            KnowledgeBase.Entry entry = KB.resolve(name, EntityType.LOCATION).orElseThrow(() -> new AssertionError(name));
            assertEquals("United States", entry.name());
            assertEquals("Q30", entry.id());
        }
        assertEquals("Gaza Strip", KB.resolve("Gaza", EntityType.LOCATION).orElseThrow().name());
        assertEquals("United Nations", KB.resolve("UN", EntityType.ORGANIZATION).orElseThrow().name());
        assertEquals("Washington, D.C.", KB.resolve("Washington", EntityType.LOCATION).orElseThrow().name());
        assertEquals(39.91, KB.resolve("Beijing", EntityType.LOCATION).orElseThrow().latitude());
    }

    @Test
    void aRecognizedPersonIsNotTurnedIntoAPlace() {
        assertTrue(KB.resolve("Jordan", EntityType.PERSON).isEmpty());
        assertEquals(EntityType.ORGANIZATION, KB.resolve("Binance", EntityType.PERSON).orElseThrow().type());
    }

    @Test
    void demonymsPointAtTheirEntity() {
        assertEquals("Israel", KB.byDemonym("Zionist").orElseThrow().name());
        assertEquals("Iraq", KB.byDemonym("Iraqi").orElseThrow().name());
    }

    @Test
    void parsesTheDocumentedFormat() {
        KnowledgeBase kb = KnowledgeBase.parse("""
                # comment
                id\ttype\tkind\tname\taliases\tdemonyms\tlat\tlon
                Q1\tLOCATION\tcity\tNorthhaven\tNorthhaven|N'haven\tNorthhavener\t1.5\t-2.25
                \tORGANIZATION\torg\tHarbour Guild\tHarbour Guild|HG\t\t\t
                """);
        assertEquals(2, kb.entries().size());
        assertEquals("Northhaven", kb.resolve("N'haven", EntityType.LOCATION).orElseThrow().name());
        assertEquals(null, kb.resolve("HG", EntityType.ORGANIZATION).orElseThrow().id());
    }
}
