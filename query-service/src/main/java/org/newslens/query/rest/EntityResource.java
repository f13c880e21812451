package org.newslens.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.newslens.query.search.SearchRequest;
import org.newslens.query.service.EntityDirectory;
import org.newslens.query.service.EntityProfile;
import org.newslens.query.service.EntityProfileReader;

import java.sql.SQLException;
import java.util.Optional;

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
public class EntityResource {

    private final EntityDirectory directory;
    private final EntityProfileReader profiles;

    EntityResource(EntityDirectory directory, EntityProfileReader profiles) {
        this.directory = directory;
        this.profiles = profiles;
    }

    @GET
    @Operation(operationId = "listEntities", summary = "Find entities by name (autocomplete)",
            description = "Entities whose canonical name, a word of it, or an alias starts with q (case-insensitive), "
                    + "most mentioned first. Without q: the most mentioned entities.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityViews.Directory.class),
            examples = @ExampleObject(name = "entities", value = ApiExamples.ENTITY_DIRECTORY)))
    @APIResponse(responseCode = "400", description = "type or size is unusable; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public EntityViews.Directory list(
            @Parameter(description = "Name prefix", example = "blin") @QueryParam("q") String q,
            @Parameter(description = "person, org, place or misc; omit for all",
                    schema = @Schema(enumeration = {"person", "org", "place", "misc"}), example = "person") @QueryParam("type") String type,
            @Parameter(description = "Entities to return, 1 to 100 (default 20)", example = "10") @QueryParam("size") String size)
            throws SQLException {
        return EntityViews.Directory.of(directory.find(q, type, SearchRequest.parseSize(size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEntity", summary = "An entity's page",
            description = "Names and knowledge-base id; mentions per day; the entities mentioned with it most; tone toward "
                    + "it per day with example evidence spans; the sources that mention it most.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityViews.Profile.class),
            examples = @ExampleObject(name = "entity", value = ApiExamples.ENTITY_PROFILE)))
    @APIResponse(responseCode = "400", description = "The id holds a NUL character or an unpaired surrogate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")))
    @APIResponse(responseCode = "404", description = "No entity with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", ref = "not-found")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public EntityViews.Profile get(@Parameter(description = "Entity id", example = "12") @PathParam("id") String id)
            throws SQLException {
        Optional<Long> entityId = PathIds.parse(id);
        return (entityId.isPresent() ? profiles.find(entityId.get()) : Optional.<EntityProfile>empty())
                .map(EntityViews.Profile::of)
                .orElseThrow(() -> new NotFoundException("No entity with id " + id));
    }
}
