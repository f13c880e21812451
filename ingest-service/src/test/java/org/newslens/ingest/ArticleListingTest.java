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
        String after = "0";
        int pages = 0;
        while (after != null) {
            JsonPath page = given().queryParam("source", source).queryParam("limit", 3).queryParam("after", after)
                    .when().get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.id", Integer.class));
            assertEquals(source, page.getList("items.source").get(0));
            after = page.getString("nextAfter");
            pages++;
        }
        assertEquals(posted, listed);
        assertEquals(3, pages);
    }

    @Test
    void sinceInTheFutureListsNothing() {
        JsonPath page = given().queryParam("since", "2999-01-01").when().get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, page.getList("items").size());
        assertNull(page.getString("nextAfter"));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        given().queryParam("limit", 0).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("limit"));
        given().queryParam("since", "last week").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("since"));
    }
}
