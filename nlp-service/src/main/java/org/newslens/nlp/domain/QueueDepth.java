package org.newslens.nlp.domain;

/**
 * The queue as the metrics show it: jobs pending, running and failed, and for how many seconds the
 * longest-waiting ready job (pending, its run_after passed) has been due; 0 when none is.
 */
public record QueueDepth(long pending, long running, long failed, double oldestPendingAgeSeconds) {
}
