package org.newslens.ingest.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reduces the URLs under which one article is shared to one form: lower-case scheme and host, no
 * default port, no fragment, no tracking parameters, no trailing slash. Query parameters that select
 * content (e.g. {@code ?id=42}) are kept in their original order.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
            "igshid", "ref_src", "cmpid", "ocid", "_ga", "_gl", "spm", "smid");

    private UrlCanonicalizer() {
    }

    /** @throws InvalidInputException if {@code url} is not an absolute http(s) URL with a host */
    public static String canonicalize(String field, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw InvalidInputException.invalid(field, field + " '" + url + "' is not a valid URL (" + e.getReason()
                    + "). Give an absolute http(s) URL such as https://example.org/news/story.");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw InvalidInputException.invalid(field, field + " '" + url
                    + "' is not an http(s) URL. Give the article's web address, e.g. https://example.org/news/story.");
        }
        String host = host(uri);
        if (host == null) {
            throw InvalidInputException.invalid(field, field + " '" + url + "' has no host. Give an absolute URL.");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = withoutTracking(uri.getRawQuery());
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
    }

    public static String host(String canonicalUrl) {
        String host = host(URI.create(canonicalUrl));
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * The lower-case host. java.net.URI leaves the host empty for names that are not strict DNS
     * names (e.g. with an underscore), which real sites use; those are read from the authority,
     * keeping any port there.
     */
    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            host = uri.getRawAuthority().replaceFirst("^.*@", "");
        }
        return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
