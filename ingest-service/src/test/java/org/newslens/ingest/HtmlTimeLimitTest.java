package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A shallow page within the depth and element limits that takes longer than the time limit is stopped
 * and refused. The limit is set far below what extracting the page takes on any machine, so the outcome
 * does not depend on how fast the machine running the test is.
 */
@QuarkusTest
@TestProfile(HtmlTimeLimitTest.ShortTimeLimit.class)
@WithTestResource(PostgresTestResource.class)
class HtmlTimeLimitTest {

    public static class ShortTimeLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newslens.ingest.html.max-time", "20ms");
        }
    }

    @Test
    void aShallowPageThatTakesTooLongIsStoppedAtTheTimeLimit() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        for (int i = 0; i < 20_000; i++) {
            html.append("<p>Paragraph ").append(i).append(", with words.</p>");
        }
        HtmlLimitsTest.postHtml(html.append("</article></body></html>").toString())
                .statusCode(400).body("field", equalTo("html"))
                .body("detail", containsString("newslens.ingest.html.max-time"));
        assertEquals(List.of(), HtmlLimitsTest.threadsStillExtracting());
    }
}
