package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.newslens.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a {@link NewArticle} field by field and normalises it into an {@link ArticleDraft}. */
@ApplicationScoped
public class ArticleValidator {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private final IngestConfig config;

    ArticleValidator(IngestConfig config) {
        this.config = config;
    }

    public ArticleDraft validate(NewArticle article) {
        String title = required("title", article.title());
        String text = required("text", article.text());
        if (title.length() > config.maxTitleChars()) {
            throw InvalidArticleException.invalid("title", "title is " + title.length() + " characters long; the limit is "
                    + config.maxTitleChars() + ". Send the headline only.");
        }
        int textBytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (textBytes > config.maxTextBytes()) {
            throw InvalidArticleException.tooLarge("text", "text is " + textBytes + " bytes; the limit is "
                    + config.maxTextBytes() + " bytes (newslens.ingest.max-text-bytes). Send the article body only.");
        }
        String canonicalUrl = blank(article.url()) ? null : UrlCanonicalizer.canonicalize("url", article.url());
        String sourceName = blank(article.source()) ? null : article.source().strip();
        String sourceDomain = canonicalUrl == null ? null : UrlCanonicalizer.host(canonicalUrl);
        return new ArticleDraft(title, text, blank(article.url()) ? null : article.url().strip(), canonicalUrl,
                publishedAt(article.publishedAt()), sourceName != null ? sourceName : sourceDomain, sourceDomain,
                language(article.language()), ContentFingerprint.of(text));
    }

    private static String required(String field, String value) {
        if (blank(value)) {
            throw InvalidArticleException.invalid(field, field + " is missing or empty. Every article needs a title and a text.");
        }
        return value.strip();
    }

    private static Instant publishedAt(String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw InvalidArticleException.invalid("publishedAt", "publishedAt '" + value
                        + "' is not a date. Use ISO-8601 with an offset, e.g. 2023-11-05T14:30:00Z, or a date, e.g. 2023-11-05.");
            }
        }
    }

    private static String language(String value) {
        if (blank(value)) {
            return null;
        }
        String tag = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            throw InvalidArticleException.invalid("language", "language '" + value
                    + "' is not a language code. Use an ISO 639 code such as en, ar or fa, or leave it out to detect it.");
        }
        return tag;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
