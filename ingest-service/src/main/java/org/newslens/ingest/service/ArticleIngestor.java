package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.newslens.ingest.config.IngestConfig;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stores new articles with their enrichment jobs, each article and its job in one transaction, or
 * names the article a post duplicates. Near-duplicates are stored and linked to the earliest
 * article they repeat.
 */
@ApplicationScoped
public class ArticleIngestor {

    private final ArticleValidator validator;
    private final ArticleStore store;
    private final IdempotencyKeys idempotencyKeys;
    private final IngestConfig config;
    private final Event<ArticleQueued> queued;

    ArticleIngestor(ArticleValidator validator, ArticleStore store, IdempotencyKeys idempotencyKeys, IngestConfig config,
                    Event<ArticleQueued> queued) {
        this.validator = validator;
        this.store = store;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.queued = queued;
    }

    /** @param idempotencyKey the client's key for safe retries, or null */
    @Transactional(rollbackOn = Exception.class)
    public IngestOutcome ingest(NewArticle article, String idempotencyKey) throws SQLException {
        ArticleDraft draft = validator.validate(article);
        if (idempotencyKey == null) {
            return store(draft, new HashMap<>());
        }
        byte[] requestHash = ContentFingerprint.sha256(article.toString());
        Optional<IngestOutcome> earlier = idempotencyKeys.earlierOutcome(idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        IngestOutcome outcome = store(draft, new HashMap<>());
        idempotencyKeys.remember(idempotencyKey, requestHash, outcome);
        return outcome;
    }

    /** Stores already validated articles in one transaction, in order; outcomes in the same order. */
    @Transactional(rollbackOn = Exception.class)
    public List<IngestOutcome> storeAll(List<ArticleDraft> drafts) throws SQLException {
        Map<String, Long> sourceIds = new HashMap<>();
        List<IngestOutcome> outcomes = new ArrayList<>(drafts.size());
        for (ArticleDraft draft : drafts) {
            outcomes.add(store(draft, sourceIds));
        }
        return outcomes;
    }

    private IngestOutcome store(ArticleDraft draft, Map<String, Long> sourceIds) throws SQLException {
        Long sourceId = draft.sourceName() == null ? null : sourceIds.get(draft.sourceName());
        if (draft.sourceName() != null && sourceId == null) {
            sourceId = store.sourceId(draft.sourceName(), draft.sourceDomain(), draft.language());
            sourceIds.put(draft.sourceName(), sourceId);
        }
        OptionalLong nearDuplicateOf = draft.signature() == null ? OptionalLong.empty()
                : store.findNearDuplicate(draft.signature(), config.nearDuplicateThreshold());
        OptionalLong created = store.insertArticle(draft, sourceId,
                nearDuplicateOf.isPresent() ? nearDuplicateOf.getAsLong() : null);
        if (created.isEmpty()) {
            long existing = store.findDuplicate(draft).orElseThrow(() ->
                    new IllegalStateException("An insert conflicted, yet no article has this URL, body or external id"));
            return new IngestOutcome.Duplicate(existing);
        }
        long id = created.getAsLong();
        if (draft.signature() != null) {
            store.insertBandKeys(id, draft.signature());
        }
        store.insertEnrichmentJob(id, draft);
        queued.fire(new ArticleQueued(id));
        return nearDuplicateOf.isPresent()
                ? new IngestOutcome.NearDuplicate(id, nearDuplicateOf.getAsLong())
                : new IngestOutcome.Created(id);
    }
}
