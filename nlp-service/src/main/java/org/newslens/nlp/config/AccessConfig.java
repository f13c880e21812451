package org.newslens.nlp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Who may call this service: the suite's one API key, the same setting in all three services. */
@ConfigMapping(prefix = "newslens")
public interface AccessConfig {

    /**
     * The suite's API key ({@code NEWSLENS_API_KEY}). When set, every request whose method is not GET, HEAD
     * or OPTIONS must carry it; unset, this service must listen on loopback only (see ListenAddressGuard).
     */
    Optional<String> apiKey();

    /** True when a proxy in front authenticates callers, so this service may listen beyond loopback without a key. */
    @WithDefault("false")
    boolean behindAuthenticatingProxy();
}
