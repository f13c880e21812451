package org.newslens.query.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newslens.query.search.ExportedArticle;

import java.time.Instant;
import java.util.List;

/** One NDJSON line of an export: the article, its top entities, and nlp-service's analysis as stored. */
record ExportNdjson(long id, String title, String url, Instant publishedAt, String source, String language,
                    List<String> authors, boolean nearDuplicate, SearchResponse.Tone tone,
                    List<SearchResponse.Entity> entities, JsonNode analysis) {

    static ExportNdjson of(ExportedArticle article, ObjectMapper json) throws JsonProcessingException {
        return new ExportNdjson(article.id(), article.title(), article.url(), article.publishedAt(), article.source(),
                article.language(), article.authors(), article.nearDuplicate(),
                article.toneScore() == null ? null : new SearchResponse.Tone(article.toneScore(), article.toneLabel()),
                article.entities().stream().map(SearchResponse.Entity::of).toList(),
                article.analysisJson() == null ? null : json.readTree(article.analysisJson()));
    }
}
