package org.newslens.nlp.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name reduced to comparable tokens: case, dots, apostrophes and hyphens-versus-spaces no longer
 * matter, so "Al-Sudani", "Al Sudani" and "al-sudani" are one key, and "Al Sudani" is a part of
 * "Mohammed Shia' Al Sudani".
 */
record NameKey(List<String> tokens) {

    private static final Pattern APOSTROPHES_AND_DOTS = Pattern.compile("['’‘`ʼ.]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐‑–—_]+");

    static NameKey of(String name) {
        String flat = APOSTROPHES_AND_DOTS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
        return new NameKey(Arrays.stream(SEPARATORS.split(flat.strip())).filter(t -> !t.isEmpty()).toList());
    }

    int size() {
        return tokens.size();
    }

    String last() {
        return tokens.get(tokens.size() - 1);
    }

    /** Whether every token of this key occurs, in the same order, in the longer {@code other}. */
    boolean isPartOf(NameKey other) {
        if (size() >= other.size()) {
            return false;
        }
        int next = 0;
        for (String token : other.tokens) {
            if (next < size() && tokens.get(next).equals(token)) {
                next++;
            }
        }
        return next == size();
    }
}
