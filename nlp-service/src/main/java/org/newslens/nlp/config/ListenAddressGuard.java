package org.newslens.nlp.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses to start a service that anyone on the network could write to: listening beyond loopback
 * needs an API key, or the word that a proxy in front authenticates callers.
 */
@Singleton
public class ListenAddressGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1");
    // decimal parts without leading zeros: Java (and inet_aton) read 0177.0.0.1 as 177.0.0.1 or 127.0.0.1
    // depending on who parses it, so any other spelling counts as not loopback
    private static final Pattern PART = Pattern.compile("0|[1-9][0-9]{0,2}");

    private final String host;
    private final AccessConfig access;

    ListenAddressGuard(@ConfigProperty(name = "quarkus.http.host") String host, AccessConfig access) {
        this.host = host;
        this.access = access;
    }

    void check(@Observes StartupEvent start) {
        if (!isLoopback(host) && access.apiKey().isEmpty() && !access.behindAuthenticatingProxy()) {
            throw new IllegalStateException("nlp-service listens on " + host + " without an API key. Set NEWSLENS_API_KEY, "
                    + "or NEWSLENS_BEHIND_AUTHENTICATING_PROXY=true when a proxy authenticates callers, "
                    + "or QUARKUS_HTTP_HOST=127.0.0.1 to listen on loopback only.");
        }
    }

    /** Decided from the string alone, never by resolving or connecting: anything ambiguous is not loopback. */
    static boolean isLoopback(String host) {
        if (LOOPBACK_NAMES.contains(host)) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
