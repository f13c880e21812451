package org.newslens.query.rest;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Lone surrogates cannot be sent in a URL (their UTF-8 bytes decode to U+FFFD), so the check on decoded
 * text is tested here; NUL characters are tested over HTTP in HostileQueryTest.
 */
class TextParameterGuardTest {

    @Test
    void nulAndUnpairedSurrogatesAreRefusedWithWhereTheyAre() {
        assertThat(TextParameterGuard.problemIn("ab\u0000"), containsString("NUL character (U+0000) at position 2"));
        assertThat(TextParameterGuard.problemIn("\ud800"), containsString("unpaired surrogate (U+D800) at position 0"));
        assertThat(TextParameterGuard.problemIn("a\udc00b"), containsString("U+DC00"));
        assertThat(TextParameterGuard.problemIn("x\ud83d"), containsString("U+D83D"));
    }

    @Test
    void ordinaryTextPasses() {
        assertNull(TextParameterGuard.problemIn("caf\u00e9 \ud83d\udcf0 \ufffd"));
        assertNull(TextParameterGuard.problemIn(""));
    }
}
