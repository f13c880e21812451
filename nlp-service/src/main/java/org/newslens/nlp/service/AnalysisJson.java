package org.newslens.nlp.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newslens.nlp.pipeline.Document;
import org.newslens.nlp.pipeline.Entity;
import org.newslens.nlp.pipeline.Findings.FramingMarker;
import org.newslens.nlp.pipeline.Findings.Keyphrase;
import org.newslens.nlp.pipeline.Findings.Quantity;
import org.newslens.nlp.pipeline.Findings.Quote;
import org.newslens.nlp.pipeline.Findings.SentenceTone;
import org.newslens.nlp.pipeline.Findings.Tone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a document's analysis (column nlp.enrichments.analysis): the same field names as
 * the analyze response, with entity tones listed by canonical name and type.
 */
final class AnalysisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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

    /** Reads what {@link #of} wrote; null (an enrichment older than the analysis column) reads as empty. */
    static Stored read(String json) {
        if (json == null) {
            return new Stored(null, null, null, null, null, null, null, null);
        }
        try {
            return MAPPER.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored analysis is not readable", e);
        }
    }

    /** The stored analysis; absent fields read as empty lists (tone null). */
    record Stored(List<Keyphrase> keyphrases, List<String> summary, Tone tone, List<SentenceTone> sentenceTones,
                  List<StoredEntityTone> entityTones, List<FramingMarker> framing, List<Quote> quotes,
                  List<Quantity> quantities) {

        Stored {
            keyphrases = keyphrases == null ? List.of() : keyphrases;
            summary = summary == null ? List.of() : summary;
            sentenceTones = sentenceTones == null ? List.of() : sentenceTones;
            entityTones = entityTones == null ? List.of() : entityTones;
            framing = framing == null ? List.of() : framing;
            quotes = quotes == null ? List.of() : quotes;
            quantities = quantities == null ? List.of() : quantities;
        }

        Tone entityTone(String canonical, String type) {
            return entityTones.stream()
                    .filter(t -> t.canonical().equals(canonical) && t.type().equals(type))
                    .map(StoredEntityTone::tone).findFirst().orElse(null);
        }
    }

    record StoredEntityTone(String canonical, String type, String kbId, Tone tone) {
    }
}
