package org.newslens.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newslens.query.index.ArticleDocuments;
import org.newslens.query.index.ArticleFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares sources over a match set, reading each matching article's stored analysis: article count,
 * mean tone, framing markers by category and quantities reported. Articles without a source are
 * grouped under "(unknown)".
 */
final class SourceComparer {

    static final String UNKNOWN_SOURCE = "(unknown)";
    static final int TOP_QUANTITIES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceComparer() {
    }

    static List<SourceComparison> compare(IndexSearcher searcher, Query query) throws IOException {
        Map<String, Sums> bySource = new HashMap<>();
        MatchingDocs.forEach(searcher, query, segment -> {
            StoredFields stored = segment.reader().storedFields();
            return doc -> {
                Document article = stored.document(doc);
                String source = article.get(ArticleFields.SOURCE);
                bySource.computeIfAbsent(source == null ? UNKNOWN_SOURCE : source, s -> new Sums()).add(article);
            };
        });
        return bySource.entrySet().stream()
                .map(entry -> entry.getValue().toComparison(entry.getKey()))
                .sorted(Comparator.comparingLong(SourceComparison::articles).reversed()
                        .thenComparing(SourceComparison::source))
                .toList();
    }

    private static final class Sums {
        final Map<String, Long> framing = new TreeMap<>();
        final Map<String, QuantityCount> quantities = new HashMap<>();
        long articles;
        long toned;
        double tone;
        long quantityMentions;

        void add(Document article) throws IOException {
            articles++;
            Double score = ArticleDocuments.toneScore(article);
            if (score != null) {
                tone += score;
                toned++;
            }
            String json = ArticleDocuments.analysisJson(article);
            if (json == null) {
                return;
            }
            JsonNode analysis = JSON.readTree(json);
            for (JsonNode marker : analysis.path("framing")) {
                framing.merge(marker.path("category").asText(), 1L, Long::sum);
            }
            Set<String> seenHere = new HashSet<>();
            for (JsonNode quantity : analysis.path("quantities")) {
                quantityMentions++;
                String text = quantity.path("text").asText();
                if (seenHere.add(text)) {
                    quantities.computeIfAbsent(text, t -> new QuantityCount(t, quantity.path("noun").asText(null),
                            quantity.path("value").asDouble())).articles++;
                }
            }
        }

        SourceComparison toComparison(String source) {
            List<SourceComparison.ReportedQuantity> top = new ArrayList<>(quantities.values().stream()
                    .sorted(Comparator.comparingLong((QuantityCount q) -> q.articles).reversed().thenComparing(q -> q.text))
                    .limit(TOP_QUANTITIES)
                    .map(q -> new SourceComparison.ReportedQuantity(q.text, q.noun, q.value, q.articles))
                    .toList());
            return new SourceComparison(source, articles, toned == 0 ? null : Math.round(tone / toned * 1000) / 1000.0,
                    framing, quantityMentions, top);
        }
    }

    private static final class QuantityCount {
        final String text;
        final String noun;
        final double value;
        long articles;

        QuantityCount(String text, String noun, double value) {
            this.text = text;
            this.noun = noun;
            this.value = value;
        }
    }
}
