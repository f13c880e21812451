package org.newslens.query.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * nlp-service's HTTP API, as far as query-service uses it. Its base URL is quarkus.rest-client.nlp.url.
 * {@code apiKey} is the suite's key (null when none is configured: then no header is sent).
 */
@RegisterRestClient(configKey = "nlp")
@Path("/api/v1")
public interface NlpClient {

    @POST
    @Path("/embed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    EmbedResponse embed(@HeaderParam("X-API-Key") String apiKey, EmbedRequest request);

    record EmbedRequest(String text) {
    }

    /** {@code vector} has {@code dimensions} floats of unit length. */
    record EmbedResponse(String model, int dimensions, float[] vector) {
    }
}
