package org.newslens.nlp.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.nlp.service.InvalidInputException;
import org.newslens.nlp.service.TextEmbedder;

@Path("/api/v1/embed")
@Tag(name = "Analysis")
public class EmbedResource {

    private final TextEmbedder embedder;

    EmbedResource(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Embed a text",
            description = "The text's vector, computed as article vectors are (all-MiniLM-L6-v2, 384 dimensions), e.g. to rank articles by similarity to a query. Stores nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EmbedResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing text or malformed JSON; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Text over the size limit (newslens.nlp.max-text-bytes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Models still loading; retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmbedResponse embed(EmbedRequest request) {
        if (request == null) {
            throw InvalidInputException.invalid("text", "The body is empty. Send a JSON object such as {\"text\": \"…\"}.");
        }
        return EmbedResponse.of(embedder.embed(request.text()));
    }
}
