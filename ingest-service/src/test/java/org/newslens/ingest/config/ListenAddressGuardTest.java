package org.newslens.ingest.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loopback is decided from the string alone; nothing here resolves or connects. */
class ListenAddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "127.255.255.255", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopback(String host) {
        assertTrue(ListenAddressGuard.isLoopback(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0177.0.0.1", "127.1", "0x7f.0.0.1", "127.0.0.01", "2130706433",
            "127.0.0.256", "127.0.0.1.", "128.0.0.1", "192.168.1.10", "LOCALHOST.example", "localhost.", ""})
    void notLoopback(String host) {
        assertFalse(ListenAddressGuard.isLoopback(host), host);
    }

    @Test
    void refusesToStartOnAllInterfacesWithoutAKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ListenAddressGuard("0.0.0.0", access(Optional.empty(), false)).check(null));
        assertTrue(refused.getMessage().startsWith("ingest-service listens on 0.0.0.0 without an API key. Set NEWSLENS_API_KEY"),
                refused.getMessage());
    }

    @Test
    void startsBeyondLoopbackWithAKeyOrBehindAnAuthenticatingProxy() {
        assertDoesNotThrow(() -> new ListenAddressGuard("0.0.0.0", access(Optional.of("k"), false)).check(null));
        assertDoesNotThrow(() -> new ListenAddressGuard("0.0.0.0", access(Optional.empty(), true)).check(null));
        assertDoesNotThrow(() -> new ListenAddressGuard("127.0.0.1", access(Optional.empty(), false)).check(null));
    }

    private static AccessConfig access(Optional<String> key, boolean behindProxy) {
        return new AccessConfig() {
            public Optional<String> apiKey() {
                return key;
            }

            public boolean behindAuthenticatingProxy() {
                return behindProxy;
            }
        };
    }
}
