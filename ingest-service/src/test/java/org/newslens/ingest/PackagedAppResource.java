package org.newslens.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The test PostgreSQL, plus what the packaged app needs to poll a feed served by the test on
 * 127.0.0.1 within a test's patience: it runs with the prod profile, so the %test settings do not apply.
 */
public class PackagedAppResource extends PostgresTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("newslens.fetch.allow-private-addresses", "true");
        config.put("newslens.feeds.tick", "1s");
        return config;
    }
}
