package org.newslens.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.newslens.ingest.fetch.FetchException;
import org.newslens.ingest.fetch.FetchedResponse;
import org.newslens.ingest.fetch.SafeFetcher;
import org.newslens.ingest.service.ArticleIngestor;
import org.newslens.ingest.service.IngestOutcome;
import org.newslens.ingest.service.InvalidInputException;
import org.newslens.ingest.service.NewArticle;
import org.newslens.ingest.service.UrlCanonicalizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls one feed: a conditional GET with the validators from the last poll, then every entry becomes an
 * article through {@link ArticleIngestor}. An entry with only a teaser gets its linked page fetched and
 * passed as HTML, so the article's main text is extracted from the page. One entry failing does not stop
 * the others; the result counts them.
 */
@ApplicationScoped
public class FeedRefresher {

    private static final Logger LOG = Logger.getLogger(FeedRefresher.class);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);

    private final SafeFetcher fetcher;
    private final FeedParser parser;
    private final ArticleIngestor ingestor;
    private final FeedStore store;
    private final FeedsConfig config;

    FeedRefresher(SafeFetcher fetcher, FeedParser parser, ArticleIngestor ingestor, FeedStore store, FeedsConfig config) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.ingestor = ingestor;
        this.store = store;
        this.config = config;
    }

    /** Never throws for a failing feed or entry: failures are in the result. */
    public PollResult refresh(Feed feed) {
        FetchedResponse response;
        try {
            response = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
        } catch (FetchException e) {
            return PollResult.error(null, e.getMessage(), feed);
        }
        if (response.notModified()) {
            return new PollResult(PollOutcome.NOT_MODIFIED, response.status(), 0, 0, 0, null,
                    response.etag() != null ? response.etag() : feed.etag(),
                    response.lastModified() != null ? response.lastModified() : feed.lastModified());
        }
        if (!response.ok()) {
            return PollResult.error(response.status(), "The feed answered HTTP " + response.status() + " at " + response.uri()
                    + "; polling continues with a growing interval. Check the URL if it persists.", feed);
        }
        ParsedFeed parsed;
        try {
            parsed = parser.parse(response.body(), response.contentType(), response.uri(), config.maxEntriesPerPoll());
        } catch (UnreadableFeedException e) {
            return PollResult.error(response.status(), e.getMessage(), feed);
        }
        String source = feed.sourceName() != null ? feed.sourceName() : parsed.title();
        int created = 0;
        int failed = 0;
        String firstFailure = null;
        for (FeedItem item : parsed.items()) {
            try {
                if (ingest(item, source, feed)) {
                    created++;
                }
            } catch (Exception e) {
                // one bad entry (invalid, page unreachable, or anything unforeseen) must not cost the others
                failed++;
                String why = (item.link() != null ? item.link() : "entry '" + item.title() + "'") + ": " + e.getMessage();
                firstFailure = firstFailure == null ? why : firstFailure;
                if (e instanceof InvalidInputException || e instanceof FetchException || e instanceof UnusablePageException) {
                    LOG.debugf("Feed %d: entry not stored, %s", feed.id(), why);
                } else {
                    LOG.warnf(e, "Feed %d: entry not stored, %s", feed.id(), why);
                }
            }
        }
        int seen = parsed.items().size();
        String error = failed == 0 ? null : failed + " of " + seen + " entries not stored; the first: " + firstFailure;
        // after failed entries the validators are forgotten, so the next poll reads the whole feed and retries them
        return new PollResult(PollOutcome.OK, response.status(), seen, created, failed, error,
                failed == 0 ? response.etag() : null, failed == 0 ? response.lastModified() : null);
    }

    /** @return true if the entry was stored as a new article, false if it was already known */
    private boolean ingest(FeedItem item, String source, Feed feed) throws Exception {
        if (item.link() != null && store.articleExists(UrlCanonicalizer.canonicalize("url", item.link()))) {
            return false;
        }
        boolean teaserOnly = item.text().length() < config.pageFetchBelowChars();
        String externalId = externalId(item.guid(), feed);
        // without authors in the entry, the page's byline is used
        NewArticle article = teaserOnly && item.link() != null
                ? new NewArticle(item.title(), null, page(item.link()), item.link(), item.publishedAt(), source, null,
                        item.authors().isEmpty() ? null : item.authors(), externalId)
                : new NewArticle(item.title(), item.text(), null, item.link(), item.publishedAt(), source, null,
                        item.authors(), externalId);
        // a near-duplicate is stored as a new article (linked to the one it repeats), so it counts as new
        return !(ingestor.ingest(article, null) instanceof IngestOutcome.Duplicate);
    }

    /**
     * An entry's guid as the article's external id. A guid that is not a URI (such as "12345") is unique
     * only within its feed, so it is qualified by the feed's canonical URL.
     */
    private static String externalId(String guid, Feed feed) {
        if (guid == null) {
            return null;
        }
        try {
            if (new URI(guid).isAbsolute()) {
                return guid;
            }
        } catch (URISyntaxException notAUri) {
            // qualified below
        }
        return feed.canonicalUrl() + "#" + guid;
    }

    private String page(String link) throws FetchException, UnusablePageException, IOException {
        FetchedResponse page = fetcher.fetch(link);
        if (!page.ok()) {
            throw new UnusablePageException("the entry has only a teaser and its page answered HTTP " + page.status());
        }
        String contentType = page.contentType() == null ? null : page.contentType().toLowerCase(Locale.ROOT);
        if (contentType != null && !contentType.contains("html")) {
            throw new UnusablePageException("the entry has only a teaser and its page is " + contentType + ", not HTML");
        }
        return Jsoup.parse(new ByteArrayInputStream(page.body()), charset(contentType), page.uri().toString()).outerHtml();
    }

    /** The charset the Content-Type names, or null to let jsoup read it from the page (BOM, meta) or use UTF-8. */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return null;
        }
        try {
            return Charset.isSupported(matcher.group(1)) ? matcher.group(1) : null;
        } catch (IllegalArgumentException illegalName) {
            return null;
        }
    }

    /** An article page that cannot stand in for an entry's teaser. */
    private static final class UnusablePageException extends Exception {
        UnusablePageException(String message) {
            super(message);
        }
    }
}
