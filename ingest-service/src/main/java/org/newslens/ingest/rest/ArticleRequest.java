package org.newslens.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.service.NewArticle;

import java.util.List;

@Schema(name = "ArticleRequest", description = "One news article. title and text are required.")
public record ArticleRequest(
        @Schema(required = true, example = "Blinken meets Iraqi prime minister in Baghdad") String title,
        @Schema(required = true, example = "US Secretary of State Antony Blinken met Prime Minister Mohammed Shia' al-Sudani in Baghdad on Sunday.") String text,
        @Schema(description = "The article's web address (http or https)", example = "https://example.org/news/blinken-baghdad") String url,
        @Schema(description = "ISO-8601 date-time with offset, or a date", example = "2023-11-05T14:30:00Z") String publishedAt,
        @Schema(description = "Outlet name; derived from the URL's host when absent", example = "Example News") String source,
        @Schema(description = "ISO 639 language code; detected when absent", example = "en") String language,
        @Schema(description = "The page's HTML, instead of text: main text, title, byline, date and lead image are extracted from it") String html,
        @Schema(description = "Author names", example = "[\"Jane Doe\"]") List<String> authors,
        @Schema(description = "The client's own id for the article; posting it again returns the stored article", example = "wire-2023-11-05-0042") String externalId) {

    NewArticle toNewArticle() {
        return new NewArticle(title, text, html, url, publishedAt, source, language, authors, externalId);
    }
}
