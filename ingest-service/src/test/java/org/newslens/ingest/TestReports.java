package org.newslens.ingest;

import java.util.Random;
import java.util.UUID;

/** Article bodies no other test shares, so duplicate and near-duplicate links stay within one test. */
final class TestReports {

    private static final String[] WORDS = ("council vote tram network suburb budget mayor river bridge school port "
            + "harbour ferry election minister court ruling strike union factory export wheat price storm flood rescue "
            + "hospital vaccine museum festival stadium league coach transfer bank rate inflation loan market").split(" ");

    private TestReports() {
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A report of about 80 words, the same for the same tag. */
    static String report(String tag) {
        Random random = new Random(tag.hashCode());
        StringBuilder text = new StringBuilder("Officials in ").append(tag).append(" said");
        for (int i = 0; i < 80; i++) {
            text.append(i % 12 == 11 ? ". The " : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }
}
