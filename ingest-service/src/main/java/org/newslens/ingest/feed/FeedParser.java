package org.newslens.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom documents with ROME into {@link FeedItem}s: markup stripped from
 * titles and bodies, links made absolute, the publication (else update) date in ISO-8601. ROME refuses
 * DOCTYPE declarations, so external entities are never resolved.
 */
@ApplicationScoped
public class FeedParser {

    /**
     * @param contentType the HTTP Content-Type, which may name the charset; null when unknown
     * @param base        the URI the document came from, against which relative links are resolved
     */
    public ParsedFeed parse(byte[] document, String contentType, URI base, int maxItems) throws UnreadableFeedException {
        SyndFeed feed;
        try (InputStream bytes = new ByteArrayInputStream(document);
             XmlReader reader = contentType == null ? new XmlReader(bytes, true) : new XmlReader(bytes, contentType, true)) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new UnreadableFeedException("The document at " + base + " is not an RSS or Atom feed (" + e.getMessage() + ")", e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (items.size() == maxItems) {
                break;
            }
            items.add(item(entry, base));
        }
        return new ParsedFeed(plain(feed.getTitle()), items);
    }

    private static FeedItem item(SyndEntry entry, URI base) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new FeedItem(plain(entry.getTitle()), link(entry, base), date == null ? null : date.toInstant().toString(),
                authors(entry), blankToNull(entry.getUri()), body(entry));
    }

    private static String link(SyndEntry entry, URI base) {
        String link = entry.getLink();
        if (blankToNull(link) == null) {
            link = entry.getLinks().stream()
                    .filter(candidate -> candidate.getRel() == null || "alternate".equals(candidate.getRel()))
                    .map(SyndLink::getHref).filter(href -> blankToNull(href) != null)
                    .findFirst().orElse(null);
        }
        if (link == null) {
            return null;
        }
        try {
            return base.resolve(link.strip()).toString();
        } catch (IllegalArgumentException notAUri) {
            return link.strip();
        }
    }

    private static List<String> authors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (blankToNull(person.getName()) != null) {
                names.add(person.getName().strip());
            }
        }
        if (names.isEmpty() && blankToNull(entry.getAuthor()) != null) {
            names.add(entry.getAuthor().strip());
        }
        return List.copyOf(names);
    }

    /** The fullest text the entry carries: its content (RSS content:encoded, Atom content), else its description. */
    private static String body(SyndEntry entry) {
        String best = "";
        for (SyndContent content : entry.getContents()) {
            String text = text(content);
            if (text.length() > best.length()) {
                best = text;
            }
        }
        return best.isEmpty() && entry.getDescription() != null ? text(entry.getDescription()) : best;
    }

    private static String text(SyndContent content) {
        String value = content.getValue();
        if (value == null) {
            return "";
        }
        boolean plainText = "text".equals(content.getType()) || "text/plain".equals(content.getType());
        return plainText ? value.strip() : Jsoup.parseBodyFragment(value).text();
    }

    private static String plain(String maybeMarkup) {
        return maybeMarkup == null ? null : blankToNull(Jsoup.parseBodyFragment(maybeMarkup).text());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
