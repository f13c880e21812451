package org.newslens.query.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.newslens.query.index.EntitySummary;

/**
 * Types that Jackson reads or writes outside REST method signatures (Quarkus registers those by
 * itself): in a native executable they need registering for reflection, or their JSON comes out empty.
 * Here: the entity summaries stored as JSON in each index document, and the NDJSON export lines.
 */
@RegisterForReflection(targets = {EntitySummary.class, ExportNdjson.class, SearchResponse.Entity.class, SearchResponse.Tone.class})
final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
