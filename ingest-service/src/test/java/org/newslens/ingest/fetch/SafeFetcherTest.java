package org.newslens.ingest.fetch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newslens.ingest.TestHttpServer;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeFetcherTest {

    private static TestHttpServer server;

    @BeforeAll
    static void startServer() {
        server = TestHttpServer.start();
        server.serve("/ok", 200, "text/plain", "hello");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static SafeFetcher fetcher(boolean allowPrivateAddresses, long maxBytes, Duration totalTimeout) {
        return new SafeFetcher(new FetchConfig() {
            public boolean allowPrivateAddresses() {
                return allowPrivateAddresses;
            }

            public long maxBytes() {
                return maxBytes;
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration totalTimeout() {
                return totalTimeout;
            }

            public int maxRedirects() {
                return 5;
            }

            public String userAgent() {
                return "NewsLens/0.1 (+https://newslens.dev)";
            }
        });
    }

    private static SafeFetcher local() {
        return fetcher(true, 10_000, Duration.ofSeconds(15));
    }

    @Test
    void fetchesWithUserAgentAndConditionalHeaders() throws FetchException {
        server.serve("/conditional", 200, Map.of("Content-Type", "application/rss+xml", "ETag", "\"v1\"",
                "Last-Modified", "Sun, 05 Nov 2023 14:30:00 GMT"), "<rss/>");

        FetchedResponse first = local().fetch(server.url("/conditional"));
        assertEquals(200, first.status());
        assertEquals("\"v1\"", first.etag());
        assertEquals("Sun, 05 Nov 2023 14:30:00 GMT", first.lastModified());
        assertEquals("application/rss+xml", first.contentType());
        assertArrayEquals("<rss/>".getBytes(StandardCharsets.UTF_8), first.body());

        FetchedResponse second = local().fetch(server.url("/conditional"), first.etag(), first.lastModified());
        assertEquals(304, second.status());
        assertTrue(second.notModified());
        var headers = server.requests("/conditional").get(1);
        assertEquals("\"v1\"", headers.getFirst("If-None-Match"));
        assertEquals("Sun, 05 Nov 2023 14:30:00 GMT", headers.getFirst("If-Modified-Since"));
        assertEquals("NewsLens/0.1 (+https://newslens.dev)", headers.getFirst("User-Agent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]"})
    void refusesLoopbackWhenPrivateAddressesAreNotAllowed(String host) {
        String url = server.url("/ok").replace("127.0.0.1", host);
        int before = server.requests("/ok").size();

        FetchException refused = assertThrows(FetchException.class,
                () -> fetcher(false, 10_000, Duration.ofSeconds(15)).fetch(url));
        assertEquals(FetchException.Reason.REFUSED_TARGET, refused.reason());
        assertTrue(refused.getMessage().contains("not a public address"), refused.getMessage());
        assertEquals(before, server.requests("/ok").size(), "nothing may reach the loopback server");
    }

    @Test
    void sameLoopbackUrlIsFetchedWhenPrivateAddressesAreAllowed() throws FetchException {
        assertEquals(200, local().fetch(server.url("/ok")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "127.1", "0x7f.1", "0x7f.0.0.1", "2130706433", "017700000001", "127.0.0.01",
            "010.0.0.1", "1.2.3.4.", "0x", "1.2.3.4.5", "8.8.8.010"})
    void ambiguousNumericHostsAreRecognisedFromTheStringAlone(String host) {
        assertTrue(SafeFetcher.isAmbiguousIpv4(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "0.0.0.0", "8.8.8.8", "example.org", "1.example", "example.123abc", "[::1]", "xn--80ak6aa92e.com"})
    void canonicalAddressesAndNamesAreNotAmbiguous(String host) {
        assertFalse(SafeFetcher.isAmbiguousIpv4(host), host);
    }

    /** Checked on the URL only: the refusal comes before any resolution, so nothing is looked up or connected. */
    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1/feed", "http://127.1/feed", "http://0x7f.1/feed", "http://2130706433/feed",
            "http://017700000001:8080/feed", "https://user@127.0.0.01/feed"})
    void urlsWithAmbiguousNumericHostsAreRefusedBeforeResolution(String url) {
        for (SafeFetcher fetcher : new SafeFetcher[] {fetcher(false, 10_000, Duration.ofSeconds(15)), local()}) {
            FetchException refused = assertThrows(FetchException.class, () -> fetcher.checkTarget(java.net.URI.create(url)));
            assertEquals(FetchException.Reason.REFUSED_TARGET, refused.reason());
            assertTrue(refused.getMessage().contains("ambiguous"), refused.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/feed.xml", "file:///etc/passwd", "gopher://example.org/", "not a url", "/relative"})
    void refusesWhatIsNotAnHttpUrl(String url) {
        FetchException refused = assertThrows(FetchException.class, () -> local().fetch(url));
        assertEquals(FetchException.Reason.REFUSED_TARGET, refused.reason());
    }

    @Test
    void followsFiveRedirectsAndGivesUpOnTheSixth() throws FetchException {
        for (int hop = 6; hop > 0; hop--) {
            server.redirect("/hop" + hop, "/hop" + (hop - 1));
        }
        server.serve("/hop0", 200, "text/plain", "arrived");

        FetchedResponse fiveHops = local().fetch(server.url("/hop5"));
        assertEquals(200, fiveHops.status());
        assertEquals(server.url("/hop0"), fiveHops.uri().toString());
        assertEquals("arrived", new String(fiveHops.body(), StandardCharsets.UTF_8));

        FetchException sixHops = assertThrows(FetchException.class, () -> local().fetch(server.url("/hop6")));
        assertEquals(FetchException.Reason.TOO_MANY_REDIRECTS, sixHops.reason());
    }

    @Test
    void redirectToAnotherSchemeIsRefused() {
        server.redirect("/to-ftp", "ftp://example.org/feed.xml");
        FetchException refused = assertThrows(FetchException.class, () -> local().fetch(server.url("/to-ftp")));
        assertEquals(FetchException.Reason.REFUSED_TARGET, refused.reason());
    }

    @Test
    void capsTheBodyWhetherOrNotItsLengthIsDeclared() throws FetchException {
        server.serve("/declared-big", 200, "text/plain", "x".repeat(50_000));
        server.serveChunked("/chunked-big", 50_000);
        server.serve("/small", 200, "text/plain", "x".repeat(9_000));

        FetchException declared = assertThrows(FetchException.class, () -> local().fetch(server.url("/declared-big")));
        assertEquals(FetchException.Reason.TOO_LARGE, declared.reason());
        FetchException streamed = assertThrows(FetchException.class, () -> local().fetch(server.url("/chunked-big")));
        assertEquals(FetchException.Reason.TOO_LARGE, streamed.reason());
        assertTrue(streamed.getMessage().contains("10000 bytes"), streamed.getMessage());
        assertEquals(9_000, local().fetch(server.url("/small")).body().length);
    }

    @Test
    void givesUpAfterTheTotalTimeout() {
        server.serveSlowly("/slow", Duration.ofSeconds(3));
        long started = System.nanoTime();
        FetchException slow = assertThrows(FetchException.class,
                () -> fetcher(true, 10_000, Duration.ofMillis(500)).fetch(server.url("/slow")));
        assertEquals(FetchException.Reason.TIMEOUT, slow.reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2_500, "gave up on time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "64:ff9b::a00:1", "2002:a00:1::1", "::127.0.0.1"})
    void nonPublicAddressesAreRecognised(String address) throws UnknownHostException {
        assertFalse(SafeFetcher.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "2a00:1450:4001::200e"})
    void publicAddressesAreRecognised(String address) throws UnknownHostException {
        assertTrue(SafeFetcher.isPublic(InetAddress.getByName(address)), address);
    }

    @Test
    void ipv4MappedIpv6AddressesAreJudgedByTheirIpv4Part() throws UnknownHostException {
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] mappedPrivate = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        byte[] mappedPublic = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        assertFalse(SafeFetcher.isPublic(Inet6Address.getByAddress(null, mappedLoopback, -1)));
        assertFalse(SafeFetcher.isPublic(Inet6Address.getByAddress(null, mappedPrivate, -1)));
        assertTrue(SafeFetcher.isPublic(Inet6Address.getByAddress(null, mappedPublic, -1)));
        assertFalse(SafeFetcher.isPublic(InetAddress.getByName("::ffff:127.0.0.1")));
    }
}
