package org.newslens.ingest.service;

import java.util.List;

/** Fired for every batch of posted articles the ingestor stored or found known; observers count them after the commit. */
public record ArticlesStored(List<IngestOutcome> outcomes) {
}
