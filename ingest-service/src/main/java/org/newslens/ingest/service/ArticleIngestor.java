package org.newslens.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.newslens.ingest.config.IngestConfig;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * Stores new articles with their enrichment jobs, a batch in one transaction, or names the article a
 * post duplicates. Near-duplicates are stored and linked to the earliest article they repeat. A
 * batch is compared with the stored articles and with itself, so an article repeated within one
 * batch is found as if it had been posted after the first.
 */
@ApplicationScoped
public class ArticleIngestor {

    private final ArticleValidator validator;
    private final ArticleStore store;
    private final IdempotencyKeys idempotencyKeys;
    private final IngestConfig config;
    private final Event<ArticlesQueued> queued;
    private final Event<ArticlesStored> storedArticles;
    private final ArticleMetrics metrics;

    ArticleIngestor(ArticleValidator validator, ArticleStore store, IdempotencyKeys idempotencyKeys, IngestConfig config,
                    Event<ArticlesQueued> queued, Event<ArticlesStored> storedArticles,
                    ArticleMetrics metrics) {
        this.validator = validator;
        this.store = store;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.queued = queued;
        this.storedArticles = storedArticles;
        this.metrics = metrics;
    }

    /** @param idempotencyKey the client's key for safe retries, or null */
    @Transactional(rollbackOn = Exception.class)
    public IngestOutcome ingest(NewArticle article, String idempotencyKey) throws SQLException {
        ArticleDraft draft = validate(article);
        if (idempotencyKey == null) {
            return store(List.of(draft)).get(0);
        }
        byte[] requestHash = ContentFingerprint.sha256(article.toString());
        Optional<IngestOutcome> earlier = idempotencyKeys.earlierOutcome(idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        IngestOutcome outcome = store(List.of(draft)).get(0);
        idempotencyKeys.remember(idempotencyKey, requestHash, outcome);
        return outcome;
    }

    private ArticleDraft validate(NewArticle article) {
        try {
            return validator.validate(article);
        } catch (InvalidInputException e) {
            metrics.rejected();
            throw e;
        }
    }

    /** Stores already validated articles in one transaction, in order; outcomes in the same order. */
    @Transactional(rollbackOn = Exception.class)
    public List<IngestOutcome> storeAll(List<ArticleDraft> drafts) throws SQLException {
        return store(drafts);
    }

    private List<IngestOutcome> store(List<ArticleDraft> drafts) throws SQLException {
        DuplicateKeys stored = store.storedDuplicates(drafts);
        DuplicateKeys earlierInBatch = new DuplicateKeys();
        IngestOutcome[] outcomes = new IngestOutcome[drafts.size()];
        Map<Integer, Integer> repeatsDraft = new HashMap<>();
        List<Integer> newDrafts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ArticleDraft draft = drafts.get(i);
            OptionalLong storedId = stored.smallest(draft);
            if (storedId.isPresent()) {
                outcomes[i] = new IngestOutcome.Duplicate(storedId.getAsLong());
                continue;
            }
            OptionalLong earlierDraft = earlierInBatch.smallest(draft);
            if (earlierDraft.isPresent()) {
                repeatsDraft.put(i, (int) earlierDraft.getAsLong());
            } else {
                earlierInBatch.add(draft, i);
                newDrafts.add(i);
            }
        }
        List<IngestOutcome> newOutcomes = insertNew(newDrafts.stream().map(drafts::get).toList());
        for (int n = 0; n < newDrafts.size(); n++) {
            outcomes[newDrafts.get(n)] = newOutcomes.get(n);
        }
        repeatsDraft.forEach((repeat, first) -> outcomes[repeat] = new IngestOutcome.Duplicate(outcomes[first].id()));
        storedArticles.fire(new ArticlesStored(List.of(outcomes)));
        return Arrays.asList(outcomes);
    }

    /**
     * Inserts drafts that duplicate no stored article nor each other, linking near-duplicates to their
     * originals. A draft whose URL, body or external id a concurrent request committed first comes back
     * as that article's duplicate; should a near-duplicate in this batch link to it, the foreign key
     * fails the transaction, and the bulk path stores the batch's articles one by one instead.
     */
    private List<IngestOutcome> insertNew(List<ArticleDraft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Map<String, Long> sourceIds = store.sourceIds(drafts);
        NearDuplicateIndex nearDuplicates = new NearDuplicateIndex(config.nearDuplicateThreshold());
        store.loadNearDuplicateCandidates(drafts.stream().map(ArticleDraft::signature).filter(Objects::nonNull)
                .flatMapToLong(signature -> LongStream.of(signature.bandKeys())).distinct().sorted().toArray(), nearDuplicates);
        long[] ids = store.reserveArticleIds(drafts.size());
        List<ArticleStore.ArticleRow> rows = new ArrayList<>(drafts.size());
        for (int n = 0; n < drafts.size(); n++) {
            ArticleDraft draft = drafts.get(n);
            OptionalLong original = draft.signature() == null ? OptionalLong.empty() : nearDuplicates.originalOf(draft.signature());
            rows.add(new ArticleStore.ArticleRow(ids[n], draft, sourceIds.get(draft.sourceName()),
                    original.isPresent() ? original.getAsLong() : null));
            if (draft.signature() != null) {
                nearDuplicates.add(ids[n], original.orElse(ids[n]), draft.signature());
            }
        }
        boolean[] inserted = store.insertArticles(rows);
        List<ArticleStore.ArticleRow> insertedRows = new ArrayList<>(rows.size());
        List<ArticleDraft> conflicted = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            if (inserted[n]) {
                insertedRows.add(rows.get(n));
            } else {
                conflicted.add(rows.get(n).draft());
            }
        }
        DuplicateKeys committedMeanwhile = conflicted.isEmpty() ? new DuplicateKeys() : store.storedDuplicates(conflicted);
        List<IngestOutcome> outcomes = new ArrayList<>(rows.size());
        for (int n = 0; n < rows.size(); n++) {
            ArticleStore.ArticleRow row = rows.get(n);
            if (inserted[n]) {
                outcomes.add(row.nearDuplicateOf() == null ? new IngestOutcome.Created(row.id())
                        : new IngestOutcome.NearDuplicate(row.id(), row.nearDuplicateOf()));
            } else {
                outcomes.add(new IngestOutcome.Duplicate(committedMeanwhile.smallest(row.draft()).orElseThrow(() ->
                        new IllegalStateException("An insert conflicted, yet no article has this URL, body or external id"))));
            }
        }
        store.insertBandKeys(insertedRows);
        store.insertEnrichmentJobs(insertedRows);
        if (!insertedRows.isEmpty()) {
            queued.fire(new ArticlesQueued());
        }
        return outcomes;
    }
}
