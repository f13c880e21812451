package org.newslens.ingest;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.newslens.http.HttpLevelProblems;

/**
 * Starts ingest-service. The one thing it does first: let {@link HttpLevelProblems} answer unreadable URIs, a
 * switch that must be set before Quarkus loads.
 */
@QuarkusMain
public class IngestServiceMain {

    public static void main(String... args) {
        HttpLevelProblems.takeOverUriValidation();
        Quarkus.run(args);
    }
}
