package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.newslens.ingest.service.BulkLineResult;
import org.newslens.ingest.service.IngestOutcome;

/**
 * One NDJSON result line of a bulk request: the 1-based {@code line} number in the request, its
 * {@code status} (created, near_duplicate, duplicate or rejected), and either the stored article's ids or
 * the problem that rejected it. The OpenAPI document shows these lines by example only: OpenAPI 3.1 has
 * no schema for the lines of a stream.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkResultLine(int line, String status, Long id, Long duplicateOf, Long nearDuplicateOf, Problem error) {

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
