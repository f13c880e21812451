package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ArticleListingTest {

    @Test
    void pagesThroughOneSourceWithoutGapsOrRepeats() {
        String source = "Listing " + UUID.randomUUID();
        List<Integer> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(given().contentType(ContentType.JSON)
                    .body(Map.of("title", "Item " + i, "text", "Listing body " + i + " of " + source, "source", source))
                    .when().post("/api/v1/articles").then().statusCode(201).extract().path("id"));
        }
        List<Integer> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("source", source).queryParam("size", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.id", Integer.class));
            assertEquals(source, page.getList("items.source").get(0));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(posted, listed);
        assertEquals(3, pages);
    }

    @Test
    void sinceInTheFutureListsNothing() {
        JsonPath page = given().queryParam("since", "2999-01-01").when().get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, page.getList("items").size());
        assertNull(page.getString("nextCursor"));
    }

    @Test
    void theOldParameterNamesStillPageForOneRelease() {
        String source = "Old names " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("title", "Old " + i, "text", "Old names body " + i + " of " + source, "source", source))
                    .when().post("/api/v1/articles").then().statusCode(201);
        }
        JsonPath first = given().queryParam("source", source).queryParam("limit", 2)
                .when().get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("items").size());
        assertEquals(first.getString("nextCursor"), first.getString("nextAfter"));
        JsonPath second = given().queryParam("source", source).queryParam("limit", 2).queryParam("after", first.getString("nextAfter"))
                .when().get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
        assertEquals(1, second.getList("items").size());
        given().queryParam("size", 2).queryParam("limit", 3).when().get("/api/v1/articles")
                .then().statusCode(400).body("type", equalTo("https://newslens.dev/problems/invalid-parameter"))
                .body("field", equalTo("size"));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().queryParam("size", 0).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-parameter")).body("field", equalTo("size"));
        given().queryParam("since", "last week").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("since"));
    }
}
