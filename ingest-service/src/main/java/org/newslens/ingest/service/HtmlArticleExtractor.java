package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

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

    public ExtractedPage extract(String html, String url) {
        Document page = Jsoup.parse(html, url == null ? "" : url);
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

        Article article = new Readability4J(url == null ? "" : url, page).parse();
        String text = article.getArticleContent() == null ? "" : blockText(article.getArticleContent());
        String title = metaTitle != null ? metaTitle : blankToNull(article.getTitle());
        String byline = metaAuthor != null ? metaAuthor : blankToNull(article.getByline());
        return new ExtractedPage(title, text, byline, publishedAt, leadImage, blankToNull(language));
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
