package org.newslens.ingest.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.newslens.ingest.config.AccessConfig;

/** Sends the suite's API key on calls to nlp-service, which asks for it on writes when one is configured. */
@ApplicationScoped
public class ApiKeyHeaders implements ClientHeadersFactory {

    private final AccessConfig access;

    ApiKeyHeaders(AccessConfig access) {
        this.access = access;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        access.apiKey().ifPresent(key -> headers.putSingle("X-API-Key", key));
        return headers;
    }
}
