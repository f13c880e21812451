package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.newslens.ingest.domain.Article;

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
                    article.source == null ? null : article.source.name, article.languageHint, article.publishedAt,
                    article.ingestedAt, processing[0], processing[1]);
        });
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
