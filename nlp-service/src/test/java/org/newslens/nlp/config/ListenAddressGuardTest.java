package org.newslens.nlp.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loopback is decided from the string alone; every ambiguous spelling counts as reachable from outside. */
class ListenAddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1", "127.0.0.1", "127.255.255.254", "127.0.10.0"})
    void loopback(String host) {
        assertTrue(ListenAddressGuard.isLoopback(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0177.0.0.1", "127.1", "0x7f.0.0.1", "127.0.0.01", "127.0.0.256",
            "127.0.0.1.", "127.0.0.-1", "127.0.0.1 ", "LOCALHOST", "localhost.", "10.0.0.1", "example.com", ""})
    void notLoopback(String host) {
        assertFalse(ListenAddressGuard.isLoopback(host), host);
    }
}
