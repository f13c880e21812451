package org.newslens.nlp.domain;

import java.util.UUID;

/**
 * A claimed row of nlp.jobs with its article as stored in ingest.articles (title and text are null
 * when the article is no longer stored), how many attempts (this one included) it has had, and the
 * lease it was claimed under: every later change to the job names the owner and token, so it only
 * happens while this claim still holds the job. {@code traceparent} is the W3C trace context of the
 * request that queued it, or null where none was recorded.
 */
public record Job(long id, long articleId, String title, String text, String languageHint, int attempts,
                  String leaseOwner, UUID leaseToken, String traceparent) {
}
