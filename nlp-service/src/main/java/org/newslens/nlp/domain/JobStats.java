package org.newslens.nlp.domain;

/** How many jobs are in each state. */
public record JobStats(long pending, long running, long done, long failed) {
}
