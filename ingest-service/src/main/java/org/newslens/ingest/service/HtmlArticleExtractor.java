package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import net.dankito.readability4j.Article;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;
import org.newslens.ingest.config.IngestConfig;

import java.io.Reader;
import java.util.Set;

/**
 * Finds an HTML page's main text (Readability's algorithm, via Readability4J) and its metadata:
 * title, byline, publication date and lead image from the usual meta tags (Open Graph, article:*,
 * Dublin Core, schema.org, {@code <time>}), language from {@code <html lang>}.
 */
@ApplicationScoped
public class HtmlArticleExtractor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5",
            "h6", "li", "blockquote", "pre", "figcaption", "br", "tr", "header", "footer");

    private final IngestConfig.Html limits;

    HtmlArticleExtractor(IngestConfig config) {
        this.limits = config.html();
    }

    /**
     * @throws InvalidInputException naming {@code html} when the page is nested too deep, has too many
     *                                 elements, or takes longer than the time limit
     */
    public ExtractedPage extract(String html, String url) {
        ExtractionDeadline deadline = new ExtractionDeadline(limits.maxTime());
        refuseTooManyElements(startTags(html));
        Document page = parse(html, url, deadline);
        String publishedAt = firstMeta(page,
                "meta[property=article:published_time]", "meta[name=article:published_time]",
                "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=DC.date.issued]",
                "meta[name=dcterms.created]", "meta[property=og:published_time]");
        if (publishedAt == null) {
            Element time = page.selectFirst("time[datetime]");
            publishedAt = time == null ? null : time.attr("datetime");
        }
        String leadImage = firstMeta(page, "meta[property=og:image]", "meta[name=twitter:image]");
        String language = page.selectFirst("html[lang]") == null ? null : page.selectFirst("html[lang]").attr("lang");
        String metaTitle = firstMeta(page, "meta[property=og:title]", "meta[name=twitter:title]");
        String metaAuthor = firstMeta(page, "meta[name=author]", "meta[property=article:author]");

        Article article = BoundedReadability.parse(url == null ? "" : url, page, deadline);
        String text = article.getArticleContent() == null ? "" : blockText(article.getArticleContent());
        String title = metaTitle != null ? metaTitle : blankToNull(article.getTitle());
        String byline = metaAuthor != null ? metaAuthor : blankToNull(article.getByline());
        return new ExtractedPage(title, text, byline, publishedAt, leadImage, blankToNull(language));
    }

    /**
     * Parses with jsoup's nesting limit one above ours, so that a deeper page (which jsoup would flatten)
     * shows up one level too deep and is refused, and with the deadline checked as the input is read.
     */
    private Document parse(String html, String url, ExtractionDeadline deadline) {
        Parser parser = Parser.htmlParser().setMaxDepth(limits.maxDepth() + 1);
        Document page = parser.parseInput(new DeadlineReader(html, deadline), url == null ? "" : url);
        int[] elements = {0};
        page.traverse((node, depth) -> {
            if (node instanceof Element && depth > limits.maxDepth()) {
                throw InvalidInputException.invalid("html", "html nests elements more than " + limits.maxDepth()
                        + " deep (newslens.ingest.html.max-depth). Send the article body as text, or the page without "
                        + "its deep wrappers.");
            }
            if (node instanceof Element && ++elements[0] > limits.maxElements()) {
                refuseTooManyElements(elements[0]);
            }
        });
        return page;
    }

    private void refuseTooManyElements(int elements) {
        if (elements > limits.maxElements()) {
            throw InvalidInputException.invalid("html", "html has more than " + limits.maxElements()
                    + " elements (newslens.ingest.html.max-elements). Send the article body as text, or the article's "
                    + "own page rather than an index or archive.");
        }
    }

    /**
     * Counts what looks like a start tag ({@code <name} followed by a space, {@code /} or {@code >}) before
     * anything is parsed, so that a page of a million tiny elements never becomes a million-node tree.
     * Script text rarely matches ({@code i<n;} does not), and the tree is counted exactly after parsing.
     */
    static int startTags(String html) {
        int tags = 0;
        int length = html.length();
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < length; i = html.indexOf('<', i + 1)) {
            int end = i + 1;
            if (!isAsciiLetter(html.charAt(end))) {
                continue;
            }
            while (end < length && (isAsciiLetter(html.charAt(end)) || Character.isDigit(html.charAt(end))
                    || html.charAt(end) == '-')) {
                end++;
            }
            if (end < length && (Character.isWhitespace(html.charAt(end)) || html.charAt(end) == '/' || html.charAt(end) == '>')) {
                tags++;
            }
        }
        return tags;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The page as jsoup reads it, a buffer at a time, with the deadline checked before each. */
    private static final class DeadlineReader extends Reader {

        private final String html;
        private final ExtractionDeadline deadline;
        private int position;

        DeadlineReader(String html, ExtractionDeadline deadline) {
            this.html = html;
            this.deadline = deadline;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            deadline.check();
            if (position >= html.length()) {
                return -1;
            }
            int count = Math.min(length, html.length() - position);
            html.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
        }
    }

    private static String firstMeta(Document page, String... selectors) {
        for (String selector : selectors) {
            Element meta = page.selectFirst(selector);
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content").strip();
            }
        }
        return null;
    }

    /** The element's text with a blank line between blocks, so paragraphs stay paragraphs. */
    private static String blockText(Element root) {
        StringBuilder text = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        });
        return text.toString()
                .replaceAll("[ \\t\\x0B\\f\\u00A0]+", " ")
                .replaceAll(" *\\n[\\s]*\\n\\s*", "\n\n")
                .strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
