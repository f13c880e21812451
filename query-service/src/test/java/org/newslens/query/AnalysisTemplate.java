package org.newslens.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Analysis JSON for fixtures, made from nlp-service's richest golden document ({@link GoldenAnalyses#RICH}):
 * a test sets the values it needs, and every field and list element keeps the shape nlp-service stores.
 * Setting a field that the golden document no longer has fails and names it, since query-service reads
 * it: nlp-service renamed or dropped part of its stored analysis.
 */
final class AnalysisTemplate {

    private static final JsonNode GOLDEN = GoldenAnalyses.load(GoldenAnalyses.RICH).json();

    private AnalysisTemplate() {
    }

    static String of(double tone, String label, List<String> framing, List<String> keyphrases,
                     List<Fixtures.EntityTone> entityTones, List<Fixtures.Quantity> quantities) {
        ObjectNode analysis = GOLDEN.deepCopy();
        ObjectNode overall = object(analysis, "tone");
        set(overall, "score", DoubleNode.valueOf(tone));
        set(overall, "label", TextNode.valueOf(label));
        replaceList(overall, "evidence", List.of(), null);
        replaceList(analysis, "framing", framing, (marker, category) -> set(marker, "category", TextNode.valueOf(category)));
        replaceList(analysis, "keyphrases", keyphrases, (phrase, text) -> {
            set(phrase, "text", TextNode.valueOf(text));
            set(phrase, "score", DoubleNode.valueOf(1.0));
        });
        replaceList(analysis, "entityTones", entityTones, AnalysisTemplate::entityTone);
        replaceList(analysis, "quantities", quantities, (node, quantity) -> {
            set(node, "text", TextNode.valueOf(quantity.text()));
            set(node, "value", DoubleNode.valueOf(quantity.value()));
            set(node, "noun", TextNode.valueOf(quantity.noun()));
            set(node, "unit", NullNode.getInstance());
            set(node, "start", IntNode.valueOf(0));
            set(node, "end", IntNode.valueOf(quantity.text().length()));
        });
        replaceList(analysis, "quotes", List.of(), null);
        replaceList(analysis, "summary", List.of(), null);
        replaceList(analysis, "sentenceTones", List.of(), null);
        return analysis.toString();
    }

    /** An entity's tone with one word of evidence at offset 4 that weighs its whole score. */
    private static void entityTone(ObjectNode node, Fixtures.EntityTone entityTone) {
        set(node, "canonical", TextNode.valueOf(entityTone.canonical()));
        set(node, "type", TextNode.valueOf(entityTone.type()));
        set(node, "kbId", NullNode.getInstance());
        ObjectNode tone = object(node, "tone");
        set(tone, "score", DoubleNode.valueOf(entityTone.score()));
        set(tone, "label", TextNode.valueOf(entityTone.score() < 0 ? "negative" : "positive"));
        String word = entityTone.evidence();
        replaceList(tone, "evidence", List.of(word), (evidence, text) -> {
            set(evidence, "text", TextNode.valueOf(text));
            set(evidence, "start", IntNode.valueOf(4));
            set(evidence, "end", IntNode.valueOf(4 + text.length()));
            set(evidence, "weight", DoubleNode.valueOf(entityTone.score()));
        });
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child == null || !child.isObject()) {
            throw missing(parent, field, "an object");
        }
        return (ObjectNode) child;
    }

    private static void set(ObjectNode node, String field, JsonNode value) {
        if (!node.has(field)) {
            throw missing(node, field, "a field");
        }
        node.set(field, value);
    }

    /** Replaces the list with one element per value, each a copy of the golden list's first element. */
    private static <T> void replaceList(ObjectNode parent, String field, List<T> values, BiConsumer<ObjectNode, T> fill) {
        JsonNode list = parent.get(field);
        if (list == null || !list.isArray() || (!values.isEmpty() && !list.path(0).isObject())) {
            throw missing(parent, field, values.isEmpty() ? "a list" : "a list of objects");
        }
        ArrayNode filled = JsonNodeFactory.instance.arrayNode();
        for (T value : values) {
            ObjectNode element = list.get(0).deepCopy();
            fill.accept(element, value);
            filled.add(element);
        }
        parent.set(field, filled);
    }

    private static AssertionError missing(JsonNode node, String field, String what) {
        return new AssertionError("nlp-service's stored analysis (contracts/analysis/" + GoldenAnalyses.RICH
                + ".analysis.json) no longer has " + what + " '" + field + "' beside " + node.properties().stream()
                .map(Map.Entry::getKey).toList() + ", and query-service reads it. Update query-service's"
                + " reading of the analysis (ArticleAnalysis, SourceComparer, EntityProfileReader, ExportCsv) and its tests.");
    }
}
