package org.newslens.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * GETs a URL that a user named (a feed, an article page) without letting that user reach anything they
 * should not: only http(s), only hosts on public addresses (checked again on every redirect hop), a
 * bounded number of redirects, a bounded body and a bounded time.
 *
 * <p>The address is checked when the URL is resolved here; the HTTP client then resolves the host again
 * to connect. A DNS server that answers differently within those milliseconds (DNS rebinding) could
 * slip through; closing that needs a resolver hook the JDK HTTP client only offers from Java 18.
 */
@ApplicationScoped
public class SafeFetcher {

    /** What URL parsers (WHATWG, inet_aton) read as an IPv4 part: decimal, octal (leading 0) or hex (0x). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private final FetchConfig config;
    private final HttpClient client;

    public SafeFetcher(FetchConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // redirects are followed below, so that every hop's address is checked
                .followRedirects(HttpClient.Redirect.NEVER)
                // plain HTTP/1.1: no h2c upgrade dance with servers that handle it badly
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public FetchedResponse fetch(String url) throws FetchException {
        return fetch(url, null, null);
    }

    /**
     * @param etag         sent as If-None-Match when not null
     * @param lastModified sent as If-Modified-Since when not null
     * @return the final response, whatever its status (304, 404 and 500 included)
     */
    public FetchedResponse fetch(String url, String etag, String lastModified) throws FetchException {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        URI uri = parse(url);
        for (int redirects = 0; ; redirects++) {
            checkTarget(uri);
            HttpResponse<byte[]> response = send(request(uri, etag, lastModified, deadline), uri, deadline);
            String location = response.headers().firstValue("Location").orElse(null);
            if (isRedirect(response.statusCode()) && location != null) {
                if (redirects == config.maxRedirects()) {
                    throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, "Gave up on " + url + " after "
                            + redirects + " redirects (newslens.fetch.max-redirects); the last one pointed to " + location);
                }
                uri = redirectTarget(uri, location);
                continue;
            }
            return new FetchedResponse(uri, response.statusCode(), header(response, "ETag"),
                    header(response, "Last-Modified"), header(response, "Content-Type"), response.body());
        }
    }

    /**
     * Checks that {@code uri} may be fetched: an http(s) URL whose host resolves only to public addresses
     * (unless newslens.fetch.allow-private-addresses is set).
     */
    public void checkTarget(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Reason.REFUSED_TARGET,
                    "Refused to fetch " + uri + ": only http and https URLs are fetched");
        }
        String named = hostOf(uri);
        if (named != null && isAmbiguousIpv4(named)) {
            throw new FetchException(FetchException.Reason.REFUSED_TARGET, "Refused to fetch " + uri + ": host " + named
                    + " is a numeric address in an ambiguous form (octal, hexadecimal, shortened or with leading zeros, "
                    + "read differently by different parsers); write it as four decimal parts, e.g. 203.0.113.7");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new FetchException(FetchException.Reason.REFUSED_TARGET, "Refused to fetch " + uri + ": it names no host");
        }
        if (config.allowPrivateAddresses()) {
            return;
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.NETWORK, "Could not fetch " + uri + ": host " + host + " is unknown", e);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new FetchException(FetchException.Reason.REFUSED_TARGET, "Refused to fetch " + uri + ": host " + host
                        + " resolves to " + address.getHostAddress() + ", which is not a public address");
            }
        }
    }

    /**
     * The host as written, also where java.net.URI finds none: it leaves hosts like {@code 0x7f.1} or
     * {@code 2130706433} (a last label starting with a digit) in the authority only.
     */
    private static String hostOf(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        return port >= 0 && !host.startsWith("[") ? host.substring(0, port) : host;
    }

    /**
     * True for a host whose last label is a number (so every URL parser takes it for an IPv4 address)
     * but which is not four decimal parts of 0 to 255 without leading zeros: {@code 0177.0.0.1},
     * {@code 127.1}, {@code 0x7f.1}, {@code 2130706433}, {@code 127.0.0.01}, {@code 1.2.3.4.}. Java reads
     * {@code 0177.0.0.1} as the public 177.0.0.1 while C libraries and browsers read 127.0.0.1, so such
     * forms are refused from the string alone, before anything is resolved or connected to.
     */
    static boolean isAmbiguousIpv4(String host) {
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1].isEmpty() && labels.length > 1 ? labels[labels.length - 2] : labels[labels.length - 1];
        if (!NUMERIC_LABEL.matcher(last).matches()) {
            return false;
        }
        if (labels.length != 4) {
            return true;
        }
        for (String label : labels) {
            if (!DECIMAL_OCTET.matcher(label).matches() || Integer.parseInt(label) > 255) {
                return true;
            }
        }
        return false;
    }

    /**
     * False for loopback, private (site-local, unique-local, carrier-grade NAT), link-local, multicast,
     * unspecified and reserved addresses, including IPv4 addresses wrapped in IPv6 (mapped, compatible,
     * NAT64, 6to4).
     */
    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            Inet4Address embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return isPublic(embedded);
            }
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            byte[] bytes = address.getAddress();
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierGradeNat = first == 100 && second >= 64 && second < 128;
            boolean ietfProtocol = first == 192 && second == 0 && bytes[2] == 0;
            boolean benchmarking = first == 198 && (second == 18 || second == 19);
            boolean reservedOrBroadcast = first >= 240;
            return !(thisNetwork || carrierGradeNat || ietfProtocol || benchmarking || reservedOrBroadcast);
        }
        return true;
    }

    private static Inet4Address embeddedIpv4(byte[] v6) {
        boolean firstTenZero = Arrays.equals(v6, 0, 10, new byte[10], 0, 10);
        boolean mapped = firstTenZero && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b
                && Arrays.equals(v6, 4, 12, new byte[8], 0, 8);
        try {
            if (mapped || compatible || nat64) {
                return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16));
            }
            if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
                return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 2, 6));
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    private static URI parse(String url) throws FetchException {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new FetchException(FetchException.Reason.REFUSED_TARGET, "Refused to fetch '" + url + "': not a valid URL");
        }
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        try {
            return from.resolve(new URI(location.strip()));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Reason.NETWORK,
                    from + " redirected to '" + location + "', which is not a valid URL");
        }
    }

    private HttpRequest request(URI uri, String etag, String lastModified, long deadline) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofNanos(remaining(uri, deadline)))
                .header("User-Agent", config.userAgent());
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI uri, long deadline) throws FetchException {
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, info -> new CappedBodySubscriber(
                config.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        try {
            return response.get(remaining(uri, deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.NETWORK, "Fetching " + uri + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CappedBodySubscriber.TooLargeException) {
                throw new FetchException(FetchException.Reason.TOO_LARGE, "Gave up on " + uri + ": " + cause.getMessage(), cause);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new FetchException(FetchException.Reason.TIMEOUT, "Could not connect to " + uri + " within "
                        + config.connectTimeout().toSeconds() + " s (newslens.fetch.connect-timeout)", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(uri);
            }
            String why = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new FetchException(FetchException.Reason.NETWORK, "Could not fetch " + uri + ": " + why, cause);
        }
    }

    private long remaining(URI uri, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(uri);
        }
        return remaining;
    }

    private FetchException timeout(URI uri) {
        return new FetchException(FetchException.Reason.TIMEOUT, "Gave up on " + uri + ": no complete answer within "
                + config.totalTimeout().toSeconds() + " s (newslens.fetch.total-timeout)");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
