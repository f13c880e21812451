package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.OptionalLong;

/** Stores a new article and its enrichment job in one transaction, or names the article it duplicates. */
@ApplicationScoped
public class ArticleIngestor {

    private final ArticleValidator validator;
    private final ArticleStore store;
    private final Event<ArticleQueued> queued;

    ArticleIngestor(ArticleValidator validator, ArticleStore store, Event<ArticleQueued> queued) {
        this.validator = validator;
        this.store = store;
        this.queued = queued;
    }

    @Transactional(rollbackOn = Exception.class)
    public IngestOutcome ingest(NewArticle article) throws SQLException {
        ArticleDraft draft = validator.validate(article);
        Long sourceId = draft.sourceName() == null ? null : store.sourceId(draft.sourceName(), draft.sourceDomain());
        OptionalLong created = store.insertArticle(draft, sourceId);
        if (created.isEmpty()) {
            long existing = store.findDuplicate(draft).orElseThrow(() ->
                    new IllegalStateException("An insert conflicted, yet no article has this URL or body"));
            return new IngestOutcome.Duplicate(existing);
        }
        long id = created.getAsLong();
        store.insertEnrichmentJob(id, draft);
        queued.fire(new ArticleQueued(id));
        return new IngestOutcome.Created(id);
    }
}
