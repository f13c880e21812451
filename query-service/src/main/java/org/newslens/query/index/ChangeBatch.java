package org.newslens.query.index;

import java.util.List;

/**
 * One read of the change feed. {@code lastSeq} is the highest change_seq read, which may be past the
 * last article when an enrichment's article could not be read; {@code empty} means nothing new.
 */
public record ChangeBatch(List<ArticleDocument> articles, long lastSeq, boolean empty) {
}
