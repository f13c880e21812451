package org.newslens.ingest.fetch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits on every outbound fetch of a feed or article page ({@link SafeFetcher}). */
@ConfigMapping(prefix = "newslens.fetch")
public interface FetchConfig {

    /**
     * Whether URLs whose host resolves to a private, loopback, link-local, multicast or unspecified
     * address may be fetched. Keep false wherever users can name URLs: it stops them from reaching
     * services inside the cluster. Tests turn it on to serve feeds from 127.0.0.1.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Largest response body read, in bytes; a longer one fails the fetch. */
    @WithDefault("5242880")
    long maxBytes();

    /** Time allowed to open a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for the whole fetch, redirects and body included. */
    @WithDefault("15s")
    Duration totalTimeout();

    /** Redirects followed before giving up (each hop's address is checked again). */
    @WithDefault("5")
    int maxRedirects();

    /** Sent as User-Agent so that publishers can tell who fetches and whom to contact. */
    @WithDefault("NewsLens/0.1 (+https://newslens.dev)")
    String userAgent();
}
