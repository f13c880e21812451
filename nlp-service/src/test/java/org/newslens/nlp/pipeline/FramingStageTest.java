package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;
import org.newslens.nlp.pipeline.Findings.FramingMarker;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramingStageTest {

    private final FramingStage framing = new FramingStage(Analysed.KB);

    @Test
    void loadedLabelsAndEmotiveAdjectivesWithSpansAndTargets() {
        String text = "The Syrian regime denied the heinous raid, which Iranian officials called the work of terrorists.";
        Document document = Analysed.english(text);
        framing.apply(document);

        FramingMarker regime = marker(document, "regime");
        assertEquals("loaded-label", regime.category());
        assertEquals("Syria", regime.target());
        assertEquals("regime", text.substring(regime.start(), regime.end()));
        assertEquals("emotive-adjective", marker(document, "heinous").category());
        assertEquals("loaded-label", marker(document, "terrorists").category());
    }

    @Test
    void scareQuotesAndAgentlessCasualties() {
        String text = "Officials praised the \"humanitarian\" pause. Four people were killed in the village. "
                + "Two guards were wounded by a sniper.";
        Document document = Analysed.english(text);
        framing.apply(document);

        assertEquals(FramingStage.SCARE_QUOTES, marker(document, "\"humanitarian\"").category());
        List<FramingMarker> agentless = document.framing().stream()
                .filter(m -> m.category().equals(FramingStage.AGENTLESS_CASUALTY)).toList();
        assertEquals(1, agentless.size());
        assertEquals("were killed", agentless.get(0).text());
        assertTrue(agentless.get(0).start() < text.indexOf("village"));
    }

    @Test
    void neutralReportingHasNoMarkers() {
        Document document = Analysed.english("The ministry published its budget figures on Monday.");
        framing.apply(document);

        assertFalse(document.framing().stream().anyMatch(m -> !m.category().isEmpty()));
    }

    private static FramingMarker marker(Document document, String text) {
        return document.framing().stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not in " + document.framing()));
    }
}
