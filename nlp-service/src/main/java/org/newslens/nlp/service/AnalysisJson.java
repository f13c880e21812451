package org.newslens.nlp.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newslens.nlp.pipeline.Document;
import org.newslens.nlp.pipeline.Entity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of a document's analysis (column nlp.enrichments.analysis): the same field names as
 * the analyze response, with entity tones listed by canonical name and type.
 */
final class AnalysisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalysisJson() {
    }

    static String of(Document document) {
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("keyphrases", document.keyphrases());
        analysis.put("summary", document.summary());
        analysis.put("tone", document.tone());
        analysis.put("sentenceTones", document.sentenceTones());
        analysis.put("entityTones", document.entities().stream()
                .filter(e -> document.entityTones().containsKey(e))
                .map(e -> entityTone(e, document)).toList());
        analysis.put("framing", document.framing());
        analysis.put("quotes", document.quotes());
        analysis.put("quantities", document.quantities());
        try {
            return MAPPER.writeValueAsString(analysis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise the analysis", e);
        }
    }

    private static Map<String, Object> entityTone(Entity entity, Document document) {
        Map<String, Object> tone = new LinkedHashMap<>();
        tone.put("canonical", entity.canonical());
        tone.put("type", entity.type().name());
        tone.put("kbId", entity.kbId());
        tone.put("tone", document.entityTones().get(entity));
        return tone;
    }

}
