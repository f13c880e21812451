package org.newslens.ingest;

import org.junit.jupiter.api.Test;
import org.newslens.ingest.service.MinHasher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinHasherTest {

    private static final String REPORT = "The city council voted on Tuesday to expand the tram network to the northern "
            + "suburbs, a project expected to cost 240 million euros and to open in 2028. Supporters said the line would "
            + "cut car traffic by a fifth, while opponents warned that the budget had already doubled since the plan was "
            + "first presented three years ago. The mayor said construction would start next spring.";

    private static double similarity(String a, String b) {
        return MinHasher.similarity(MinHasher.of(a).values(), MinHasher.of(b).values());
    }

    @Test
    void identicalTextsAreFullySimilar() {
        assertEquals(1.0, similarity(REPORT, REPORT));
    }

    @Test
    void aCopyWithBoilerplateIsStillVerySimilar() {
        String syndicated = "Local News | 12 March | Follow us for the latest updates\n" + REPORT
                + "\nAdvertisement. Copyright 2024. All rights reserved.";
        assertTrue(similarity(REPORT, syndicated) > 0.7, "similarity " + similarity(REPORT, syndicated));
    }

    @Test
    void anotherReportOfTheSameEventIsNot() {
        String other = "Councillors approved a plan to take trams north of the city centre. The extension will cost about "
                + "240 million euros, officials said, and services should begin in 2028. Critics pointed to rising costs; "
                + "backers expect fewer cars on the roads. Work begins in the spring, according to the mayor.";
        assertTrue(similarity(REPORT, other) < 0.1, "similarity " + similarity(REPORT, other));
    }

    @Test
    void textWithoutWordsHasNoSignature() {
        assertNull(MinHasher.of(" ... !!! "));
    }
}
