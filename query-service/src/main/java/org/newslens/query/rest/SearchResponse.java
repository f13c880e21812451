package org.newslens.query.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.query.index.EntitySummary;
import org.newslens.query.search.SearchHit;
import org.newslens.query.search.SearchResult;

import java.time.Instant;
import java.util.List;

@Schema(name = "SearchResponse", description = "Matching articles: the exact total and the requested page")
public record SearchResponse(
        @Schema(description = "Number of matching articles", example = "1342") long total,
        List<Hit> hits) {

    static SearchResponse of(SearchResult result) {
        return new SearchResponse(result.total(), result.hits().stream().map(Hit::of).toList());
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
            @Schema(description = "Most mentioned entities, up to 10") List<Entity> entities) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.id(), hit.title(), hit.url(), hit.snippet(), hit.publishedAt(), hit.source(),
                    hit.language(), hit.score(), hit.entities().stream().map(Entity::of).toList());
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
}
