package org.newslens.query;

import java.util.Map;

/**
 * The test PostgreSQL for a test of the packaged app, which cannot read the app's configuration: the
 * test gets its {@link Fixtures} injected into a field of that type instead.
 */
public class PackagedAppResource extends PostgresTestResource {

    private String ownerUrl;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        ownerUrl = config.get(OWNER_URL_KEY);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(new Fixtures(ownerUrl), new TestInjector.MatchesType(Fixtures.class));
    }
}
