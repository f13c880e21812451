package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.nlp.domain.JobStats;

@Schema(name = "JobStats", description = "How many enrichment jobs are in each state")
public record JobStatsView(
        @Schema(example = "12") long pending,
        @Schema(example = "2") long running,
        @Schema(example = "4810") long done,
        @Schema(example = "1") long failed) {

    static JobStatsView of(JobStats stats) {
        return new JobStatsView(stats.pending(), stats.running(), stats.done(), stats.failed());
    }
}
