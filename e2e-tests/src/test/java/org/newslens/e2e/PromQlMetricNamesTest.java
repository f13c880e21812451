package org.newslens.e2e;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromQlMetricNamesTest {

    @Test
    void findsTheSelectedMetricsAndNothingElse() {
        assertEquals(Set.of("newslens_enrichment_stage_seconds_bucket"), PromQlMetricNames.of(
                "histogram_quantile(0.95, sum by (le, stage) (rate(newslens_enrichment_stage_seconds_bucket{namespace=\"$namespace\", "
                        + "stage=~\"ner|tone\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_total"), PromQlMetricNames.of(
                "sum without (pod) (rate(a_total[5m])) / on (job) group_left (mode) max(b_total offset 1h) > bool 0.5"));
        assertEquals(Set.of("newslens_jobs"), PromQlMetricNames.of("count(newslens_jobs{status=\"pending\"})"));
        assertEquals(Set.of("newslens_index_lag"), PromQlMetricNames.of("label_values(newslens_index_lag, namespace)"));
    }
}
