package org.newslens.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.service.NewArticle;

@Schema(name = "ArticleRequest", description = "One news article. title and text are required.")
public record ArticleRequest(
        @Schema(required = true, example = "Blinken meets Iraqi prime minister in Baghdad") String title,
        @Schema(required = true, example = "US Secretary of State Antony Blinken met Prime Minister Mohammed Shia' al-Sudani in Baghdad on Sunday.") String text,
        @Schema(description = "The article's web address (http or https)", example = "https://example.org/news/blinken-baghdad") String url,
        @Schema(description = "ISO-8601 date-time with offset, or a date", example = "2023-11-05T14:30:00Z") String publishedAt,
        @Schema(description = "Outlet name; derived from the URL's host when absent", example = "Example News") String source,
        @Schema(description = "ISO 639 language code; detected when absent", example = "en") String language) {

    NewArticle toNewArticle() {
        return new NewArticle(title, text, url, publishedAt, source, language);
    }
}
