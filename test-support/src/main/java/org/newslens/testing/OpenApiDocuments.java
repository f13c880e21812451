package org.newslens.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * openapi/&lt;service&gt;.yaml is what clients are generated from and what tools/openapi/lint.sh checks, so it
 * must be the document the service's code serves. Called from a @QuarkusTest of the service, run from its
 * module folder, so that the build step that writes target/openapi
 * (quarkus.smallrye-openapi.store-schema-directory) has run before it is read.
 */
public final class OpenApiDocuments {

    private static final Path BUILT = Path.of("target/openapi/openapi.yaml");
    private static final Path BUILT_JSON = Path.of("target/openapi/openapi.json");

    private OpenApiDocuments() {
    }

    public static void requireCommittedIsBuilt(String service) throws IOException {
        Path committed = Path.of("../openapi/" + service + ".yaml");
        requireSame(Files.readString(committed), Files.readString(BUILT), "openapi/" + service + ".yaml differs from "
                + "the document this code describes. Refresh it after an intended API change: cp " + service
                + "/target/openapi/openapi.yaml openapi/" + service + ".yaml (or tools/openapi/refresh.sh), then review the diff.");
    }

    /** The build writes its document with another serialiser than the endpoint's, so they are compared as JSON trees. */
    public static void requireBuiltIsServed() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(json.readTree(Files.readString(BUILT_JSON)), json.readTree(served),
                BUILT_JSON + " differs from what /q/openapi serves: a runtime OASFilter or a profile-specific setting changes it.");
    }

    /** Fails with the first line that differs: the whole documents would bury it. */
    private static void requireSame(String committed, String built, String message) {
        if (committed.equals(built)) {
            return;
        }
        List<String> committedLines = committed.lines().toList();
        List<String> builtLines = built.lines().toList();
        int line = 0;
        while (line < committedLines.size() && line < builtLines.size() && committedLines.get(line).equals(builtLines.get(line))) {
            line++;
        }
        fail(message + "\nFirst difference at line " + (line + 1) + ":\n  committed: "
                + (line < committedLines.size() ? committedLines.get(line) : "(end of file)") + "\n  built:     "
                + (line < builtLines.size() ? builtLines.get(line) : "(end of file)"));
    }
}
