package org.newslens.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error; {@code field} names the
 * offending input where there is one, and {@code detail} says what to change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail, served as application/problem+json")
public record Problem(
        @Schema(example = "https://newslens.dev/problems/invalid-query") String type,
        @Schema(example = "Invalid query") String title,
        @Schema(example = "400") int status,
        @Schema(example = "q is not a valid query: Cannot parse 'title:(\"unbalanced': Lexical error at line 1, column 19.  Encountered: <EOF> after prefix \"\\\"unbalanced\". Close every quote and parenthesis, and escape special characters with \\") String detail,
        @Schema(example = "q") String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://newslens.dev/problems/";

    public static Problem of(String kind, String title, int status, String detail, String field) {
        return new Problem(TYPE_BASE + kind, title, status, detail, field);
    }
}
