package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error; {@code field} names the
 * offending input where there is one, and {@code detail} says what to change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail, served as application/problem+json")
public record Problem(
        @Schema(example = "https://newslens.dev/problems/invalid-field") String type,
        @Schema(example = "Invalid field") String title,
        @Schema(example = "400") int status,
        @Schema(example = "publishedAt 'yesterday' is not a date: use ISO-8601, e.g. 2023-11-05T14:30:00Z") String detail,
        @Schema(example = "publishedAt") String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://newslens.dev/problems/";

    public static Problem of(String kind, String title, int status, String detail, String field) {
        return new Problem(TYPE_BASE + kind, title, status, detail, field);
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
