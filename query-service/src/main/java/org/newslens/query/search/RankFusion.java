package org.newslens.query.search;

import org.apache.lucene.search.ScoreDoc;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): each list adds 1 / (k + rank) to a document's score,
 * rank counted from 1. It needs no score calibration between BM25 and cosine similarity.
 */
final class RankFusion {

    static final int K = 60;

    private RankFusion() {
    }

    static ScoreDoc[] fuse(int size, ScoreDoc[]... rankings) {
        Map<Integer, Float> scores = new LinkedHashMap<>();
        for (ScoreDoc[] ranking : rankings) {
            for (int rank = 0; rank < ranking.length; rank++) {
                scores.merge(ranking[rank].doc, 1f / (K + rank + 1), Float::sum);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Float>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(size)
                .map(entry -> new ScoreDoc(entry.getKey(), entry.getValue()))
                .toArray(ScoreDoc[]::new);
    }
}
