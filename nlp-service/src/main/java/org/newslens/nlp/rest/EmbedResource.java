package org.newslens.nlp.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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
    @Operation(operationId = "embedText", summary = "Embed a text",
            description = "The text's vector, computed as article vectors are (all-MiniLM-L6-v2, 384 dimensions), e.g. to rank articles by similarity to a query. Stores nothing.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EmbedRequest.class),
            examples = @ExampleObject(name = "query", value = ApiExamples.EMBED_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EmbedResponse.class),
            examples = @ExampleObject(name = "embedding", summary = "The vector shortened to 4 of its 384 numbers",
                    value = ApiExamples.EMBED_RESPONSE)))
    @APIResponse(responseCode = "400", ref = "InvalidText")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "TextTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ModelsNotReady")
    public EmbedResponse embed(EmbedRequest request) {
        if (request == null) {
            throw InvalidInputException.invalid("text", "The body is empty. Send a JSON object such as {\"text\": \"…\"}.");
        }
        return EmbedResponse.of(embedder.embed(request.text()));
    }
}
