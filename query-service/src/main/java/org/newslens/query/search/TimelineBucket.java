package org.newslens.query.search;

import java.time.Instant;

/**
 * One bucket of a timeline: matching articles published in it, their share of all articles published
 * in it (0 to 1), and their mean tone (null when none of them has one).
 */
public record TimelineBucket(Instant start, long count, double share, Double meanTone) {
}
