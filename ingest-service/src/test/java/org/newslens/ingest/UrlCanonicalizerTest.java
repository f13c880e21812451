package org.newslens.ingest;

import org.junit.jupiter.api.Test;
import org.newslens.ingest.service.InvalidInputException;
import org.newslens.ingest.service.UrlCanonicalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UrlCanonicalizerTest {

    private static String canonical(String url) {
        return UrlCanonicalizer.canonicalize("url", url);
    }

    @Test
    void lowerCasesSchemeAndHostButNotPath() {
        assertEquals("https://news.example.org/World/Story", canonical("HTTPS://News.Example.ORG/World/Story"));
    }

    @Test
    void dropsFragmentDefaultPortAndTrailingSlash() {
        assertEquals("https://example.org/a/b", canonical("https://example.org:443/a/b/#comments"));
        assertEquals("http://example.org:8080/a", canonical("http://example.org:8080/a/"));
        assertEquals("https://example.org/", canonical("https://example.org"));
    }

    @Test
    void dropsTrackingParametersKeepsContentParameters() {
        assertEquals("https://example.org/story?id=42&page=2",
                canonical("https://example.org/story?utm_source=x&id=42&fbclid=abc&page=2&gclid=1&UTM_Medium=y"));
    }

    @Test
    void acceptsHostsThatAreNotStrictDnsNames() {
        assertEquals("https://nd_story.example/a", canonical("https://ND_Story.example/a/"));
    }

    @Test
    void refusesNonHttpAndRelativeUrls() {
        assertEquals("url", assertThrows(InvalidInputException.class, () -> canonical("ftp://example.org/a")).field());
        assertThrows(InvalidInputException.class, () -> canonical("/relative/path"));
        assertThrows(InvalidInputException.class, () -> canonical("https://exa mple.org/"));
    }
}
