package org.newslens.nlp;

import java.time.Duration;

import static io.restassured.RestAssured.given;

/** The models load in the background after start; tests that analyse text wait for readiness first. */
public final class ModelsReady {

    private ModelsReady() {
    }

    public static void await() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nlp-service did not become ready within 90 s");
            }
            Thread.sleep(200);
        }
    }
}
