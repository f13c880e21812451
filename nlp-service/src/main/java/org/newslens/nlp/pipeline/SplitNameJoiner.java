package org.newslens.nlp.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Re-joins a person's name that the recognizer cut in two at a stray apostrophe or space
 * ("Mohammed Shia' Al Sudani" comes back as "Mohammed Shia" and "Al Sudani").
 */
final class SplitNameJoiner {

    private static final Pattern NAME_GAP = Pattern.compile("['’ʼ]?[ \\u00A0]{0,2}");

    private SplitNameJoiner() {
    }

    static List<Mention> join(String text, List<Mention> mentions) {
        List<Mention> joined = new ArrayList<>();
        for (Mention mention : mentions.stream().sorted(Comparator.comparingInt(Mention::start)).toList()) {
            Mention previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && previous.type() == EntityType.PERSON && mention.type() == EntityType.PERSON
                    && previous.end() <= mention.start()
                    && NAME_GAP.matcher(text.substring(previous.end(), mention.start())).matches()) {
                joined.set(joined.size() - 1, new Mention(text.substring(previous.start(), mention.end()),
                        EntityType.PERSON, previous.start(), mention.end()));
            } else {
                joined.add(mention);
            }
        }
        return joined;
    }
}
