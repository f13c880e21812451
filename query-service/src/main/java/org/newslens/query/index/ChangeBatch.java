package org.newslens.query.index;

import java.util.List;
import java.util.Map;

/**
 * One read of the change feed. {@code lastSeq} is the highest change_seq read, which may be past the
 * last article when an enrichment's article could not be read; {@code empty} means nothing new.
 * {@code traceparents} holds, by article id, the trace context of each article's enrichment where
 * nlp-service recorded one (nlp.enrichments.traceparent).
 */
public record ChangeBatch(List<ArticleDocument> articles, long lastSeq, boolean empty, Map<Long, String> traceparents) {

    /** Nothing new after {@code lastSeq}. */
    static ChangeBatch nothingAfter(long lastSeq) {
        return new ChangeBatch(List.of(), lastSeq, true, Map.of());
    }
}
