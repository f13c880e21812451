package org.newslens.ingest.service;

/** Fired when articles and their enrichment jobs are written; observers act after the commit. */
public record ArticlesQueued() {
}
