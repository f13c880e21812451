package org.newslens.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.ingest.feed.FeedSubscriptions;
import org.newslens.ingest.feed.Subscription;
import org.newslens.ingest.service.InvalidInputException;

import java.net.URI;
import java.sql.SQLException;

@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feeds", description = "RSS and Atom subscriptions, polled on a schedule with conditional GETs")
public class FeedResource {

    private static final String NEW_FEED_EXAMPLE = """
            {"id": 7, "url": "https://example.org/world/rss.xml", "canonicalUrl": "https://example.org/world/rss.xml",
             "source": "Example News", "intervalMinutes": 15, "createdAt": "2024-03-01T08:00:00Z",
             "consecutiveFailures": 0, "nextPollAt": "2024-03-01T08:00:00Z"}""";
    private static final String POLLED_FEED_EXAMPLE = """
            {"id": 7, "url": "https://example.org/world/rss.xml", "canonicalUrl": "https://example.org/world/rss.xml",
             "source": "Example News", "intervalMinutes": 15, "createdAt": "2024-03-01T08:00:00Z",
             "lastPolledAt": "2024-03-01T08:15:02Z", "lastOutcome": "ok", "lastItemsSeen": 30, "lastItemsNew": 3,
             "consecutiveFailures": 0, "nextPollAt": "2024-03-01T08:30:02Z"}""";

    private final FeedSubscriptions subscriptions;

    FeedResource(FeedSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribeFeed", summary = "Subscribe to an RSS or Atom feed",
            description = "The feed is polled at the next tick (within seconds), then every intervalMinutes. Each entry becomes an article; entries with only a teaser get their linked page fetched and its main text extracted.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FeedRequest.class), examples = @ExampleObject(
            name = "subscribe", value = "{\"url\": \"https://example.org/world/rss.xml\", \"source\": \"Example News\", \"intervalMinutes\": 15}")))
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(schema = @Schema(implementation = FeedView.class),
                    examples = @ExampleObject(name = "subscribed", value = NEW_FEED_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already subscribed under the same canonical URL; the existing subscription, unchanged",
            content = @Content(schema = @Schema(implementation = FeedView.class),
                    examples = @ExampleObject(name = "already-subscribed", value = POLLED_FEED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid input (not an http(s) URL, a non-public address, a bad interval); the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-feed-url", value = """
                            {"type": "https://newslens.dev/problems/invalid-field", "title": "Invalid field", "status": 400,
                             "detail": "url 'ftp://example.org/rss.xml' is not an http(s) URL. Give the article's web address, e.g. https://example.org/news/story.", "field": "url"}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public Response subscribe(FeedRequest request) throws SQLException {
        if (request == null) {
            throw InvalidInputException.invalid("body", "The body is empty. Send {\"url\": \"https://…/rss.xml\"}.");
        }
        Subscription subscription = subscriptions.subscribe(request.url(), request.source(), request.intervalMinutes());
        FeedView view = FeedView.of(subscription.feed());
        return subscription.created()
                ? Response.created(URI.create("/api/v1/feeds/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(operationId = "listFeeds", summary = "List feed subscriptions with the state of their polling",
            description = "Every subscription, oldest first, with its last poll's outcome and the time of its next poll.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = FeedListing.class),
                    examples = @ExampleObject(name = "feeds", value = "{\"items\": [" + POLLED_FEED_EXAMPLE + "]}")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public FeedListing list() throws SQLException {
        return new FeedListing(subscriptions.list().stream().map(FeedView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFeed", summary = "Get a feed subscription with its last 20 polls",
            description = "The subscription as listed, plus its last 20 polls (newest first) with their HTTP status and counts.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedView.class),
            examples = @ExampleObject(name = "feed", value = """
                    {"id": 7, "url": "https://example.org/world/rss.xml", "canonicalUrl": "https://example.org/world/rss.xml",
                     "source": "Example News", "intervalMinutes": 15, "createdAt": "2024-03-01T08:00:00Z",
                     "lastPolledAt": "2024-03-01T08:15:02Z", "lastOutcome": "ok", "lastItemsSeen": 30, "lastItemsNew": 3,
                     "consecutiveFailures": 0, "nextPollAt": "2024-03-01T08:30:02Z",
                     "recentPolls": [{"startedAt": "2024-03-01T08:15:00Z", "finishedAt": "2024-03-01T08:15:02Z", "outcome": "ok",
                                      "httpStatus": 200, "itemsSeen": 30, "itemsNew": 3, "itemsFailed": 0}]}""")))
    @APIResponse(responseCode = "404", description = "No feed with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", ref = "not-found")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public FeedView get(@PathParam("id") long id) throws SQLException {
        return subscriptions.find(id).map(FeedView::of)
                .orElseThrow(() -> new NotFoundException("No feed subscription with id " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "unsubscribeFeed", summary = "Unsubscribe from a feed",
            description = "Stops polling it and deletes its poll history; articles already stored stay.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No feed with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", ref = "not-found")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public void unsubscribe(@PathParam("id") long id) throws SQLException {
        if (!subscriptions.unsubscribe(id)) {
            throw new NotFoundException("No feed subscription with id " + id);
        }
    }
}
