package org.newslens.nlp.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider side of the REST calls other services make to nlp-service: each
 * {@code contracts/rest/*.json} interaction (the request a consumer sends, the answer it expects) is
 * sent to the real service, which must answer with that status, media type and body shape
 * ({@link JsonShape}). The consumers' fakes (ingest-service's stand-in for the wake-up, query-service's
 * FakeNlpService) serve and expect the same files, so a change on either side fails a test.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RestContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void everyInteractionInTheContractsIsAnsweredAsWritten() throws Exception {
        List<Path> interactions = ContractFiles.list("rest", ".json");
        assertFalse(interactions.isEmpty(), "no interactions under " + ContractFiles.ROOT.resolve("rest"));
        for (Path file : interactions) {
            JsonNode interaction = ContractFiles.read(file);
            JsonNode request = interaction.get("request");
            JsonNode expected = interaction.get("response");
            Response answer = send(request);

            String where = file.getFileName() + ": " + request.get("method").asText() + " " + request.get("path").asText();
            assertEquals(expected.get("status").asInt(), answer.statusCode(), where + " answered with the body '" + answer.asString() + "'");
            if (expected.has("contentType")) {
                assertTrue(answer.contentType().startsWith(expected.get("contentType").asText()),
                        where + " answered " + answer.contentType());
            }
            if (expected.has("body")) {
                List<String> differences = JsonShape.differences(expected.get("body"), JSON.readTree(answer.asString()));
                assertTrue(differences.isEmpty(), where + " answers a body that departs from the contract: " + differences);
            }
        }
    }

    private static Response send(JsonNode request) {
        RequestSpecification spec = given();
        if (request.has("contentType")) {
            spec = spec.contentType(request.get("contentType").asText());
        }
        if (request.has("body")) {
            spec = spec.body(request.get("body").toString());
        }
        return spec.request(request.get("method").asText(), request.get("path").asText());
    }
}
