package org.newslens.ingest.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** nlp-service's job API, as far as ingest-service uses it. */
@RegisterRestClient(configKey = "nlp")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Path("/api/v1/jobs")
public interface NlpClient {

    /** Asks the workers to look for new jobs now instead of at their next poll. */
    @POST
    @Path("/wake")
    Uni<Void> wake();
}
