package org.newslens.ingest.fetch;

import java.net.URI;

/**
 * What a server answered, after redirects. {@code etag} and {@code lastModified} are the header
 * values verbatim, to be sent back in the next conditional request; any of them may be null.
 */
public record FetchedResponse(URI uri, int status, String etag, String lastModified, String contentType, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }
}
