package org.newslens.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.query.search.SearchBackend;
import org.newslens.query.search.TimelineBucket;
import org.newslens.query.search.TimelineInterval;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Path("/api/v1/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class TimelineResource {

    private final SearchBackend backend;

    TimelineResource(SearchBackend backend) {
        this.backend = backend;
    }

    @GET
    @Operation(operationId = "getTimeline", summary = "Coverage and tone over time",
            description = "Like GDELT's TimelineVol and TimelineTone: per UTC bucket, the matching articles published in it, "
                    + "their share of all articles published in it, and their mean tone. Buckets run from the first to the "
                    + "last bucket with a match, empty ones included; undated articles are left out.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TimelineResponse.class),
            examples = @ExampleObject(name = "weeks", value = ApiExamples.TIMELINE)))
    @APIResponse(responseCode = "400", description = "q does not parse, or interval is unknown or too fine for the span; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid-query", ref = "invalid-query"), @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")}))
    public TimelineResponse timeline(
            @Parameter(description = "Query, as for search; omit for every article", example = "place:iraq AND water")
            @QueryParam("q") String q,
            @Parameter(description = "Bucket width (default day); weeks start on Monday",
                    schema = @Schema(enumeration = {"hour", "day", "week", "month"}), example = "week")
            @QueryParam("interval") String interval) {
        TimelineInterval width = TimelineInterval.parse(interval);
        return new TimelineResponse(width.name().toLowerCase(Locale.ROOT),
                backend.timeline(q, width).stream().map(TimelineResponse.Bucket::of).toList());
    }

    @Schema(name = "TimelineResponse")
    public record TimelineResponse(
            @Schema(example = "week") String interval,
            List<Bucket> buckets) {

        @Schema(name = "TimelineBucket")
        public record Bucket(
                @Schema(description = "Bucket start, UTC", example = "2023-11-06T00:00:00Z") Instant start,
                @Schema(description = "Matching articles published in the bucket", example = "42") long count,
                @Schema(description = "count divided by all articles published in the bucket", example = "0.0831") double share,
                @Schema(description = "Mean tone of the matching articles, -1 to 1; null when none has a tone", example = "-0.214")
                Double meanTone) {

            static Bucket of(TimelineBucket bucket) {
                return new Bucket(bucket.start(), bucket.count(), bucket.share(), bucket.meanTone());
            }
        }
    }
}
