package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.service.BulkLineResult;
import org.newslens.ingest.service.IngestOutcome;

/** One NDJSON result line of a bulk request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BulkResultLine")
public record BulkResultLine(
        @Schema(description = "1-based line number in the request", example = "3") int line,
        @Schema(enumeration = {"created", "near_duplicate", "duplicate", "rejected"}) String status,
        @Schema(example = "42") Long id,
        Long duplicateOf,
        Long nearDuplicateOf,
        @Schema(description = "Why the line was rejected") Problem error) {

    static BulkResultLine of(BulkLineResult result) {
        IngestOutcome outcome = result.outcome();
        if (outcome == null) {
            int status = switch (result.kind()) {
                case "too-large" -> 413;
                case "database-unavailable" -> 503;
                case "internal-error" -> 500;
                default -> 400;
            };
            return new BulkResultLine(result.line(), result.status(), null, null, null,
                    Problem.of(result.kind(), "Line rejected", status, result.detail(), result.field()));
        }
        IngestResponse response = IngestResponse.of(outcome);
        return new BulkResultLine(result.line(), result.status(), response.id(), response.duplicateOf(),
                response.nearDuplicateOf(), null);
    }
}
