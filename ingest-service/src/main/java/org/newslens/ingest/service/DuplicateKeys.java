package org.newslens.ingest.service;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What makes two articles exact duplicates (the same canonical URL, normalised body or external id),
 * mapped to the smallest value filed under it: an article id, or a position in a batch.
 */
final class DuplicateKeys {

    private final Map<String, Long> byCanonicalUrl = new HashMap<>();
    /** Hashes wrapped, not encoded: a ByteBuffer compares by content. */
    private final Map<ByteBuffer, Long> byContentHash = new HashMap<>();
    private final Map<String, Long> byExternalId = new HashMap<>();

    void add(String canonicalUrl, byte[] contentHash, String externalId, long value) {
        keep(byCanonicalUrl, canonicalUrl, value);
        keep(byContentHash, ByteBuffer.wrap(contentHash), value);
        keep(byExternalId, externalId, value);
    }

    void add(ArticleDraft draft, long value) {
        add(draft.canonicalUrl(), draft.contentHash(), draft.externalId(), value);
    }

    /** The smallest value filed under any of the draft's keys. */
    OptionalLong smallest(ArticleDraft draft) {
        long smallest = Math.min(lookup(byCanonicalUrl, draft.canonicalUrl()),
                Math.min(lookup(byContentHash, ByteBuffer.wrap(draft.contentHash())),
                        lookup(byExternalId, draft.externalId())));
        return smallest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(smallest);
    }

    private static <K> void keep(Map<K, Long> map, K key, long value) {
        if (key != null) {
            map.merge(key, value, Math::min);
        }
    }

    private static <K> long lookup(Map<K, Long> map, K key) {
        return key == null ? Long.MAX_VALUE : map.getOrDefault(key, Long.MAX_VALUE);
    }
}
