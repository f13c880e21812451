package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.service.IngestOutcome;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IngestResponse")
public record IngestResponse(
        @Schema(description = "The article's id", example = "42") long id,
        @Schema(description = "Present when the article was already stored: the id of that article", example = "42") Long duplicateOf,
        @Schema(description = "Present when the article was stored but nearly repeats an earlier one (a syndicated or re-edited copy): the earliest such article", example = "17") Long nearDuplicateOf) {

    static IngestResponse of(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Duplicate) {
            return new IngestResponse(outcome.id(), outcome.id(), null);
        }
        if (outcome instanceof IngestOutcome.NearDuplicate near) {
            return new IngestResponse(near.id(), null, near.nearDuplicateOf());
        }
        return new IngestResponse(outcome.id(), null, null);
    }
}
