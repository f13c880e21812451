package org.newslens.ingest.service;

import java.util.Locale;
import java.util.Set;

/** A source's country as its domain's country-code top-level domain tells it, where it does. */
final class SourceCountry {

    /** Country codes that sites use as generic domains, so they say nothing about the outlet. */
    private static final Set<String> GENERIC = Set.of("ai", "co", "fm", "io", "me", "tv", "ws", "cc", "ly", "gg", "to", "nu", "am");

    private SourceCountry() {
    }

    /** @return an ISO 3166-1 alpha-2 code, or null for generic and unknown domains */
    static String of(String domain) {
        if (domain == null) {
            return null;
        }
        String tld = domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (tld.length() != 2 || !tld.chars().allMatch(Character::isLetter) || GENERIC.contains(tld)) {
            return null;
        }
        return "uk".equals(tld) ? "GB" : tld.toUpperCase(Locale.ROOT);
    }
}
