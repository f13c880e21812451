package org.newslens.query.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses to start listening beyond loopback without an API key, unless a proxy in front authenticates
 * callers. Whether the address is loopback is decided from the string alone, never by resolving or
 * connecting: Java reads {@code 0177.0.0.1} as the public 177.0.0.1, so any form that is not plainly
 * loopback counts as reachable from outside.
 */
@ApplicationScoped
public class ListenAddressGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1");
    /** 127.a.b.c with each part 0-255 in canonical decimal (no leading zeros, no hex, no shortened forms). */
    private static final Pattern DECIMAL_PART = Pattern.compile("0|[1-9][0-9]{0,2}");

    void check(@Observes StartupEvent startup, AccessConfig access,
               @ConfigProperty(name = "quarkus.http.host") String host) {
        if (!isLoopback(host) && access.apiKey().isEmpty() && !access.behindAuthenticatingProxy()) {
            throw new IllegalStateException("query-service listens on " + host + " without an API key. Set NEWSLENS_API_KEY, "
                    + "or NEWSLENS_BEHIND_AUTHENTICATING_PROXY=true when a proxy authenticates callers, "
                    + "or QUARKUS_HTTP_HOST=127.0.0.1 to listen on loopback only.");
        }
    }

    /** Whether {@code host} names the loopback interface beyond doubt. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (LOOPBACK_NAMES.contains(host)) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!DECIMAL_PART.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
