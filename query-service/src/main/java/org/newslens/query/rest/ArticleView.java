package org.newslens.query.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.query.service.ArticleDetail;

import java.time.Instant;
import java.util.List;

@Schema(name = "Article", description = "An article as stored, with the entities found in it")
public record ArticleView(
        @Schema(example = "4711") long id,
        @Schema(example = "Blinken meets Al Sudani in Baghdad") String title,
        @Schema(example = "US Secretary of State Antony Blinken arrived in Baghdad on Sunday.") String text,
        @Schema(example = "https://example.com/world/blinken-baghdad") String url,
        @Schema(description = "ISO-8601; null when the source gave no date", example = "2023-11-05T14:30:00Z") Instant publishedAt,
        @Schema(example = "Reuters") String source,
        @Schema(description = "Detected language, else the one the source declared", example = "en") String language,
        @Schema(description = "Most mentioned first") List<Entity> entities) {

    static ArticleView of(ArticleDetail article) {
        return new ArticleView(article.id(), article.title(), article.text(), article.url(), article.publishedAt(),
                article.source(), article.language(), article.entities().stream().map(Entity::of).toList());
    }

    @Schema(name = "ArticleEntity")
    public record Entity(
            @Schema(example = "12") long id,
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}, example = "PERSON") String type,
            @Schema(example = "[\"Blinken\", \"Tony Blinken\"]") List<String> aliases,
            List<Mention> mentions) {

        static Entity of(ArticleDetail.Entity entity) {
            return new Entity(entity.id(), entity.canonical(), entity.type(), entity.aliases(),
                    entity.mentions().stream().map(m -> new Mention(m.text(), m.start(), m.end())).toList());
        }
    }

    @Schema(name = "Mention", description = "start/end are UTF-16 offsets into text, end exclusive")
    public record Mention(
            @Schema(example = "Antony Blinken") String text,
            @Schema(example = "23") int start,
            @Schema(example = "37") int end) {
    }
}
