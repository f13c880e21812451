package org.newslens.nlp.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.nlp.service.JobQueue;
import org.newslens.nlp.service.JobWorkers;

import java.sql.SQLException;

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobResource {

    private final JobQueue queue;
    private final JobWorkers workers;

    JobResource(JobQueue queue, JobWorkers workers) {
        this.queue = queue;
        this.workers = workers;
    }

    @POST
    @Path("/wake")
    @Operation(operationId = "wakeJobs", summary = "Wake idle workers",
            description = "Called by ingest-service after it commits new jobs, so they start at once instead of at the next poll.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @APIResponse(responseCode = "202", description = "Workers woken")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response wake() {
        workers.wake();
        return Response.accepted().build();
    }

    @GET
    @Path("/stats")
    @Operation(operationId = "getJobStats", summary = "Count jobs by state",
            description = "Enrichment jobs pending, running, done and failed: how far enrichment lags behind ingestion.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobStatsView.class),
            examples = @ExampleObject(name = "stats", value = ApiExamples.JOB_STATS)))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public JobStatsView stats() throws SQLException {
        return JobStatsView.of(queue.stats());
    }

    @POST
    @Path("/{articleId}/retry")
    @Operation(operationId = "retryJob", summary = "Retry a failed job",
            description = "Queues the article's failed job again with a fresh set of attempts.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "The article has no job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-job", value = """
                            {"type": "https://newslens.dev/problems/not-found", "title": "Not found", "status": 404,
                             "detail": "Article 4711 has no enrichment job"}""")))
    @APIResponse(responseCode = "409", description = "The job has not failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "job-not-failed", value = """
                            {"type": "https://newslens.dev/problems/job-not-failed", "title": "Job not failed", "status": 409,
                             "detail": "The job of article 4711 is done, not failed; only failed jobs can be retried."}""")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public Response retry(@PathParam("articleId") long articleId) throws SQLException {
        String previous = queue.retryFailed(articleId)
                .orElseThrow(() -> new NotFoundException("Article " + articleId + " has no enrichment job"));
        if (!previous.equals("failed")) {
            throw new JobNotRetryableException(articleId, previous);
        }
        workers.wake();
        return Response.accepted().build();
    }
}
