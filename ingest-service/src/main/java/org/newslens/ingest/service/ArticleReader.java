package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.newslens.ingest.domain.Article;

import io.quarkus.panache.common.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ArticleReader {

    private final EntityManager entityManager;

    ArticleReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredArticle> find(long id) {
        return Article.<Article>findByIdOptional(id).map(article -> {
            String[] processing = processing(id);
            return new StoredArticle(article.id, article.title, article.text, article.url, article.canonicalUrl,
                    article.source == null ? null : article.source.name, article.languageHint,
                    article.authors == null ? List.of() : List.of(article.authors), article.externalId,
                    article.leadImageUrl, article.nearDuplicateOf, article.publishedAt, article.ingestedAt,
                    processing[0], processing[1]);
        });
    }

    /**
     * Articles in ingestion order, optionally of one source and ingested at or after {@code since},
     * after the cursor {@code after} (keyset paging: stable under concurrent inserts, no gaps or repeats).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticlePage list(String source, Instant since, long after, int limit) {
        StringBuilder query = new StringBuilder("id > :after");
        Parameters parameters = Parameters.with("after", after);
        if (source != null) {
            query.append(" and source.name = :source");
            parameters.and("source", source);
        }
        if (since != null) {
            query.append(" and ingestedAt >= :since");
            parameters.and("since", since);
        }
        List<Article> articles = Article.<Article>find(query + " order by id", parameters).page(0, limit + 1).list();
        List<ArticlePage.ArticleSummary> items = articles.stream().limit(limit)
                .map(a -> new ArticlePage.ArticleSummary(a.id, a.title, a.url, a.source == null ? null : a.source.name,
                        a.languageHint, a.publishedAt, a.ingestedAt, a.nearDuplicateOf))
                .toList();
        return new ArticlePage(items, articles.size() > limit ? items.get(items.size() - 1).id() : null);
    }

    /** The job's state in nlp-service's queue, in the words of this API: {status, error}. */
    private String[] processing(long articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT status, last_error FROM nlp.jobs WHERE article_id = ?1")
                .setParameter(1, articleId)
                .getResultList();
        if (rows.isEmpty()) {
            return new String[] {"pending", null};
        }
        String status = switch ((String) rows.get(0)[0]) {
            case "done" -> "enriched";
            case "failed" -> "failed";
            default -> "pending";
        };
        return new String[] {status, "failed".equals(status) ? (String) rows.get(0)[1] : null};
    }
}
