package org.newslens.nlp.domain;

/**
 * A claimed row of nlp.jobs with its article as stored in ingest.articles (title and text are null
 * when the article is no longer stored), and how many attempts (this one included) it has had.
 */
public record Job(long id, long articleId, String title, String text, String languageHint, int attempts) {
}
