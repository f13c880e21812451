package org.newslens.nlp.domain;

/** A claimed row of nlp.jobs: the article to enrich and how many attempts (this one included) it has had. */
public record Job(long id, long articleId, String title, String text, String languageHint, int attempts) {
}
