package org.newslens.query.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loopback is decided from the string alone; every form that is not plainly loopback counts as public. */
class ListenAddressGuardTest {

    @Test
    void onlyPlainLoopbackFormsAreLoopback() {
        for (String host : new String[] {"127.0.0.1", "127.255.0.9", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
            assertTrue(ListenAddressGuard.isLoopback(host), host);
        }
        for (String host : new String[] {"0177.0.0.1", "127.1", "0x7f.0.0.1", "127.0.0.01", "127.0.0.256", "127.0.0.1.",
                "0.0.0.0", "::", "", " 127.0.0.1", "LOCALHOST", "localhost.", "128.0.0.1", "example.org", "::ffff:127.0.0.1"}) {
            assertFalse(ListenAddressGuard.isLoopback(host), host);
        }
        assertFalse(ListenAddressGuard.isLoopback(null));
    }
}
