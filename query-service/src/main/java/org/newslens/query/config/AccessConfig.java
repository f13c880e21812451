package org.newslens.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Who may call the suite: the same settings, by the same names, in ingest-service, nlp-service and
 * query-service. query-service serves only GETs, which stay open; it sends the key on its calls to
 * nlp-service, and refuses to listen beyond loopback without one ({@link ListenAddressGuard}).
 */
@ConfigMapping(prefix = "newslens")
public interface AccessConfig {

    /** The suite's one API key (NEWSLENS_API_KEY); unset: writes are open, which is safe on loopback only. */
    Optional<String> apiKey();

    /** A proxy in front authenticates callers, so listening beyond loopback without a key is intended. */
    @WithDefault("false")
    boolean behindAuthenticatingProxy();
}
