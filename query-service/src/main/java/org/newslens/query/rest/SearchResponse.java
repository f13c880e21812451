package org.newslens.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.query.index.EntitySummary;
import org.newslens.query.search.FacetValue;
import org.newslens.query.search.SearchHit;
import org.newslens.query.search.SearchResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Schema(name = "SearchResponse", description = "Matching articles: the exact total, the requested page and facet counts")
public record SearchResponse(
        @Schema(description = "Number of matching articles (semantic: the nearest neighbours found)", example = "1342") long total,
        List<Hit> hits,
        @Schema(description = "Pass as cursor to read the next page; null on the last page", example = "RDoxMDY1MzUzMjE2OjE3MDkyODcyMDAwMDA6NDI")
        String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Requested facets: top values with the number of matching articles that have each")
        Map<String, List<Facet>> facets) {

    static SearchResponse of(SearchResult result) {
        Map<String, List<Facet>> facets = new LinkedHashMap<>();
        result.facets().forEach((name, values) -> facets.put(name, values.stream().map(Facet::of).toList()));
        return new SearchResponse(result.total(), result.hits().stream().map(Hit::of).toList(), result.nextCursor(), facets);
    }

    @Schema(name = "SearchHit")
    public record Hit(
            @Schema(example = "4711") long id,
            @Schema(example = "Blinken meets Al Sudani in Baghdad") String title,
            @Schema(example = "https://example.com/world/blinken-baghdad") String url,
            @Schema(description = "HTML-escaped passage of the text with matches wrapped in <b>",
                    example = "US Secretary of State <b>Antony</b> <b>Blinken</b> arrived in Baghdad on Sunday.") String snippet,
            @Schema(description = "ISO-8601; null when the source gave no date", example = "2023-11-05T14:30:00Z") Instant publishedAt,
            @Schema(example = "Reuters") String source,
            @Schema(example = "en") String language,
            @Schema(description = "Relevance score (compare only within one response)", example = "7.31") float score,
            @Schema(description = "Most mentioned entities, up to 10") List<Entity> entities,
            @Schema(description = "Overall tone; null when the article was enriched before tone was analysed") Tone tone) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.id(), hit.title(), hit.url(), hit.snippet(), hit.publishedAt(), hit.source(),
                    hit.language(), hit.score(), hit.entities().stream().map(Entity::of).toList(),
                    hit.tone() == null ? null : new Tone(hit.tone().score(), hit.tone().label()));
        }
    }

    @Schema(name = "EntityRef")
    public record Entity(
            @Schema(example = "12") long id,
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}, example = "PERSON") String type) {

        static Entity of(EntitySummary entity) {
            return new Entity(entity.id(), entity.canonical(), entity.type());
        }
    }

    @Schema(name = "Tone")
    public record Tone(
            @Schema(description = "From -1 (negative) to 1 (positive)", example = "-0.42") double score,
            @Schema(enumeration = {"negative", "neutral", "positive"}, example = "negative") String label) {
    }

    @Schema(name = "FacetValue")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facet(
            @Schema(example = "Antony Blinken") String value,
            @Schema(description = "Entity id, for entity facets", example = "12") Long id,
            @Schema(description = "Entity type, for entity facets", enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"},
                    example = "PERSON") String type,
            @Schema(example = "87") long count) {

        static Facet of(FacetValue value) {
            return new Facet(value.value(), value.id(), value.type(), value.count());
        }
    }
}
