package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.newslens.ingest.config.IngestConfig;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a {@link NewArticle} field by field and normalises it into an {@link ArticleDraft}. With
 * {@code html} instead of {@code text}, the main text and any metadata the client left out come
 * from the page.
 */
@ApplicationScoped
public class ArticleValidator {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final int MAX_AUTHORS = 50;
    private static final int MAX_SHORT_FIELD_CHARS = 500;
    private static final int MAX_IDEMPOTENCY_KEY_CHARS = 200;
    /** Less text than this from a page means navigation or boilerplate, not an article. */
    private static final int MIN_EXTRACTED_TEXT_CHARS = 80;

    private final IngestConfig config;
    private final HtmlArticleExtractor extractor;

    ArticleValidator(IngestConfig config, HtmlArticleExtractor extractor) {
        this.config = config;
        this.extractor = extractor;
    }

    public ArticleDraft validate(NewArticle article) {
        requireStorableCharacters(article);
        ExtractedPage page = blank(article.html()) ? null : extract(article);
        String title = required("title", firstNonBlank(article.title(), page == null ? null : page.title()),
                "Every article needs a title" + (page == null ? "." : "; the page has none, so send one."));
        String text = blank(article.text()) && page != null && page.text().length() >= MIN_EXTRACTED_TEXT_CHARS
                ? page.text() : article.text();
        if (blank(text)) {
            throw page != null
                    ? InvalidInputException.invalid("html", "No article text could be extracted from html. "
                            + "Send the full article page, or the body as text.")
                    : InvalidInputException.invalid("text", "text is missing or empty. Every article needs a title and "
                            + "a text (or the page as html).");
        }
        text = text.strip();
        if (title.length() > config.maxTitleChars()) {
            throw InvalidInputException.invalid("title", "title is " + title.length() + " characters long; the limit is "
                    + config.maxTitleChars() + ". Send the headline only.");
        }
        long textBytes = utf8Length(text);
        if (textBytes > config.maxTextBytes()) {
            throw InvalidInputException.tooLarge("text", "text is " + textBytes + " bytes; the limit is "
                    + config.maxTextBytes() + " bytes (newslens.ingest.max-text-bytes). Send the article body only.");
        }
        String canonicalUrl = blank(article.url()) ? null : UrlCanonicalizer.canonicalize("url", article.url());
        String sourceDomain = canonicalUrl == null ? null : UrlCanonicalizer.host(canonicalUrl);
        String sourceName = blank(article.source()) ? sourceDomain : shortField("source", article.source());
        Instant publishedAt = !blank(article.publishedAt()) || page == null
                ? publishedAt(article.publishedAt())
                : pagePublishedAt(page.publishedAt());
        String language = !blank(article.language()) || page == null
                ? language(article.language())
                : pageLanguage(page.language());
        List<String> authors = article.authors() != null
                ? authors(article.authors())
                : page == null || page.byline() == null ? List.of() : List.of(page.byline());
        String externalId = blank(article.externalId()) ? null : shortField("externalId", article.externalId());
        String body = ContentFingerprint.normalise(text);
        return new ArticleDraft(title, text, blank(article.url()) ? null : article.url().strip(), canonicalUrl,
                publishedAt, sourceName, sourceDomain, language, authors, externalId,
                page == null ? null : page.leadImageUrl(), ContentFingerprint.sha256(body), MinHasher.ofNormalised(body));
    }

    /**
     * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate is no character at all: either would
     * fail the insert (a 500, and in bulk a line that can never be stored), so they are refused up front.
     */
    private static void requireStorableCharacters(NewArticle article) {
        requireStorable("title", article.title());
        requireStorable("text", article.text());
        requireStorable("html", article.html());
        requireStorable("url", article.url());
        requireStorable("publishedAt", article.publishedAt());
        requireStorable("source", article.source());
        requireStorable("language", article.language());
        requireStorable("externalId", article.externalId());
        if (article.authors() != null) {
            for (int i = 0; i < article.authors().size(); i++) {
                requireStorable("authors[" + i + "]", article.authors().get(i));
            }
        }
    }

    /** @throws InvalidInputException naming {@code field} if {@code value} holds a NUL or a lone surrogate */
    public static void requireStorable(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw InvalidInputException.invalid(field, field + " contains a NUL character (U+0000) at position " + i
                        + ", which cannot be stored. Remove it (and any other control characters) and send it again.");
            }
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairedHigh) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidInputException.invalid(field, field + " contains a lone UTF-16 surrogate (\\u"
                        + Integer.toHexString(c) + ") at position " + i + ", which is not a character. Send valid Unicode "
                        + "text (in JSON, an escaped surrogate needs its pair).");
            }
        }
    }

    /**
     * An Idempotency-Key is stored and compared as text: printable characters only, and short enough
     * to be an identifier rather than a payload.
     */
    public static String idempotencyKey(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (key.length() > MAX_IDEMPOTENCY_KEY_CHARS || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw InvalidInputException.invalid("Idempotency-Key", "The Idempotency-Key header must be at most "
                    + MAX_IDEMPOTENCY_KEY_CHARS + " printable ASCII characters; a UUID is a good key.");
        }
        return key;
    }

    private ExtractedPage extract(NewArticle article) {
        long htmlBytes = utf8Length(article.html());
        if (htmlBytes > config.maxHtmlBytes()) {
            throw InvalidInputException.tooLarge("html", "html is " + htmlBytes + " bytes; the limit is "
                    + config.maxHtmlBytes() + " bytes (newslens.ingest.max-html-bytes).");
        }
        return extractor.extract(article.html(), article.url());
    }

    private static String required(String field, String value, String why) {
        if (blank(value)) {
            throw InvalidInputException.invalid(field, field + " is missing or empty. " + why);
        }
        return value.strip();
    }

    private static String shortField(String field, String value) {
        String stripped = value.strip();
        if (stripped.length() > MAX_SHORT_FIELD_CHARS) {
            throw InvalidInputException.invalid(field, field + " is " + stripped.length() + " characters long; the limit is "
                    + MAX_SHORT_FIELD_CHARS + ".");
        }
        return stripped;
    }

    private static List<String> authors(List<String> authors) {
        if (authors.size() > MAX_AUTHORS) {
            throw InvalidInputException.invalid("authors", "authors has " + authors.size() + " names; the limit is "
                    + MAX_AUTHORS + ".");
        }
        return authors.stream().filter(Objects::nonNull).filter(a -> !a.isBlank())
                .map(a -> shortField("authors", a)).distinct().toList();
    }

    private static Instant publishedAt(String value) {
        if (blank(value)) {
            return null;
        }
        Instant parsed = IsoDates.parse(value);
        if (parsed == null) {
            throw InvalidInputException.invalid("publishedAt", "publishedAt '" + value
                    + "' is not a date. Use ISO-8601 with an offset, e.g. 2023-11-05T14:30:00Z, or a date, e.g. 2023-11-05.");
        }
        if (!IsoDates.isStorable(parsed)) {
            throw InvalidInputException.invalid("publishedAt", "publishedAt '" + value
                    + "' is outside the years 1 to 9999. Send the article's real publication date, or leave it out.");
        }
        return parsed;
    }

    /** A page's own date is a hint: one that does not parse, or lies outside the storable years, is left out. */
    private static Instant pagePublishedAt(String value) {
        Instant parsed = blank(value) ? null : IsoDates.parse(value);
        return parsed == null || !IsoDates.isStorable(parsed) ? null : parsed;
    }

    private static String language(String value) {
        if (blank(value)) {
            return null;
        }
        String tag = languageTag(value);
        if (tag == null) {
            throw InvalidInputException.invalid("language", "language '" + value
                    + "' is not a language code. Use an ISO 639 code such as en, ar or fa, or leave it out to detect it.");
        }
        return tag;
    }

    private static String pageLanguage(String value) {
        return blank(value) ? null : languageTag(value);
    }

    private static String languageTag(String value) {
        String tag = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return LANGUAGE_TAG.matcher(tag).matches() ? tag : null;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static String firstNonBlank(String first, String second) {
        return blank(first) ? second : first;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
