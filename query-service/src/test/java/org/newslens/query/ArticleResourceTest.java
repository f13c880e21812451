package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class ArticleResourceTest {

    private static final String TEXT = "Kestrel Lindqvist praised Nordhavn. Lindqvist will visit Nordhavn in May.";

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @Inject
    DataSource dataSource;

    @Test
    void returnsArticleWithEntitiesAliasesAndMentions() throws Exception {
        Fixtures db = new Fixtures(ownerUrl);
        long source = db.source("Harbour Herald");
        long id = db.article(source, "Lindqvist in Nordhavn", TEXT, "https://herald.example/lindqvist", "sv",
                Instant.parse("2024-05-02T09:30:00Z"));
        long person = db.entity("PERSON", "Kestrel Lindqvist", "Lindqvist");
        long place = db.entity("LOCATION", "Nordhavn");
        db.enrich(id, "en", new Mention(person, "Kestrel Lindqvist"), new Mention(person, "Lindqvist"),
                new Mention(place, "Nordhavn"));

        given().get("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("title", equalTo("Lindqvist in Nordhavn"))
                .body("text", equalTo(TEXT))
                .body("url", equalTo("https://herald.example/lindqvist"))
                .body("publishedAt", equalTo("2024-05-02T09:30:00Z"))
                .body("source", equalTo("Harbour Herald"))
                .body("language", equalTo("en"))
                .body("entities.canonical", contains("Kestrel Lindqvist", "Nordhavn"))
                .body("entities[0].type", equalTo("PERSON"))
                .body("entities[0].aliases", contains("Lindqvist"))
                .body("entities[0].mentions.start", contains(0, 36))
                .body("entities[0].mentions[0].end", equalTo(17))
                .body("entities[0].mentions[0].text", equalTo("Kestrel Lindqvist"))
                .body("entities[1].type", equalTo("LOCATION"))
                .body("entities[1].mentions.start", contains(26, 57));
    }

    @Test
    void articleNotYetEnrichedHasHintedLanguageAndNoEntities() throws Exception {
        long id = new Fixtures(ownerUrl).article(null, "Pending piece", "Nothing analysed here yet.", null, "fr", null);

        given().get("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .body("language", equalTo("fr"))
                .body("source", nullValue())
                .body("publishedAt", nullValue())
                .body("entities", empty());
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        for (String id : new String[]{"987654321", "not-a-number", "3f2b1c9e-8d7a-4b6c-9e1f-0a2b3c4d5e6f", "99999999999999999999999"}) {
            given().get("/api/v1/articles/{id}", id)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/not-found"))
                    .body("status", equalTo(404));
        }
    }

    @Test
    void serviceConnectsWithTheReadOnlyRole() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(PostgresTestResource.READER, connection.getMetaData().getUserName());
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("INSERT INTO ingest.sources (name) VALUES ('intruder')"));
            assertEquals("42501", refused.getSQLState());
        }
    }
}
