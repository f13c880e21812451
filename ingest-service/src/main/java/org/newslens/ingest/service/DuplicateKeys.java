package org.newslens.ingest.service;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What makes two articles exact duplicates (the same canonical URL, normalised body or external id),
 * mapped to the smallest value filed under it: an article id, or a position in a batch.
 */
final class DuplicateKeys {

    private final Map<String, Long> byCanonicalUrl = new HashMap<>();
    private final Map<String, Long> byContentHash = new HashMap<>();
    private final Map<String, Long> byExternalId = new HashMap<>();

    void add(String canonicalUrl, byte[] contentHash, String externalId, long value) {
        keep(byCanonicalUrl, canonicalUrl, value);
        keep(byContentHash, HexFormat.of().formatHex(contentHash), value);
        keep(byExternalId, externalId, value);
    }

    void add(ArticleDraft draft, long value) {
        add(draft.canonicalUrl(), draft.contentHash(), draft.externalId(), value);
    }

    /** The smallest value filed under any of the draft's keys. */
    OptionalLong smallest(ArticleDraft draft) {
        long smallest = Math.min(lookup(byCanonicalUrl, draft.canonicalUrl()),
                Math.min(lookup(byContentHash, HexFormat.of().formatHex(draft.contentHash())),
                        lookup(byExternalId, draft.externalId())));
        return smallest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(smallest);
    }

    private static void keep(Map<String, Long> map, String key, long value) {
        if (key != null) {
            map.merge(key, value, Math::min);
        }
    }

    private static long lookup(Map<String, Long> map, String key) {
        return key == null ? Long.MAX_VALUE : map.getOrDefault(key, Long.MAX_VALUE);
    }
}
