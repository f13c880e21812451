package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.newslens.testing.OpenApiDocuments;

import java.io.IOException;

/** openapi/query-service.yaml is the document this code serves (see {@link OpenApiDocuments}). */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class OpenApiDocumentTest {

    @Test
    void theCommittedDocumentIsTheOneThisBuildWrote() throws IOException {
        OpenApiDocuments.requireCommittedIsBuilt("query-service");
    }

    @Test
    void theDocumentThisBuildWroteIsTheOneItServes() throws IOException {
        OpenApiDocuments.requireBuiltIsServed();
    }
}
