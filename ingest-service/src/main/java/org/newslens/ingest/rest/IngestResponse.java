package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IngestResponse")
public record IngestResponse(
        @Schema(description = "The article's id", example = "42") long id,
        @Schema(description = "Present when the article was already stored: the id of that article", example = "42") Long duplicateOf) {
}
