package org.newslens.ingest.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson writes outside REST method signatures (Quarkus registers those by itself): in a
 * native executable they need registering for reflection, or their JSON comes out empty. Here: the
 * NDJSON result lines of a bulk request, written to a StreamingOutput.
 */
@RegisterForReflection(targets = BulkResultLine.class)
final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
