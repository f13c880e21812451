package org.newslens.ingest.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Articles filed under their LSH band keys for one batch: the stored candidates PostgreSQL returned
 * for the batch's keys, plus the batch's own new articles as they are planned. Answers which
 * original a signature nearly repeats.
 */
final class NearDuplicateIndex {

    /** An article that may be nearly repeated: its id, the original it repeats (itself if none), its signature. */
    record Candidate(long id, long original, int[] minhash) {
    }

    private final Map<Long, List<Candidate>> byBandKey = new HashMap<>();
    private final double threshold;

    NearDuplicateIndex(double threshold) {
        this.threshold = threshold;
    }

    void add(long bandKey, Candidate candidate) {
        byBandKey.computeIfAbsent(bandKey, key -> new ArrayList<>()).add(candidate);
    }

    void add(long id, long original, MinHasher.Signature signature) {
        Candidate candidate = new Candidate(id, original, signature.values());
        for (long bandKey : signature.bandKeys()) {
            add(bandKey, candidate);
        }
    }

    /**
     * The earliest original among the filed articles at least {@code threshold} similar to this
     * signature; where the most similar article is itself a near-duplicate, its original counts.
     */
    OptionalLong originalOf(MinHasher.Signature signature) {
        long earliest = Long.MAX_VALUE;
        Set<Long> compared = new HashSet<>();
        for (long bandKey : signature.bandKeys()) {
            for (Candidate candidate : byBandKey.getOrDefault(bandKey, List.of())) {
                if (compared.add(candidate.id())
                        && MinHasher.similarity(signature.values(), candidate.minhash()) >= threshold) {
                    earliest = Math.min(earliest, candidate.original());
                }
            }
        }
        return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest);
    }
}
