package org.newslens.nlp.service;

/**
 * Refuses characters no text can carry: NUL (PostgreSQL text cannot store it, and no analysis wants it)
 * and a surrogate without its pair (JSON lets "\ud800" through, but it is no character, and encoders
 * fail on it deep inside the pipeline). Both are the caller's to fix, so they get a 400, not a 500.
 */
final class TextCharacters {

    private TextCharacters() {
    }

    static void check(String field, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw InvalidInputException.invalid(field, field + " contains a NUL character (U+0000) at offset " + i
                        + ". Remove it; text cannot carry NUL.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidInputException.invalid(field, field + " contains a lone surrogate (\\u"
                        + Integer.toHexString(c).toUpperCase() + ") at offset " + i
                        + ". Send well-formed Unicode: every surrogate escape paired, as UTF-8 encoders write them.");
            }
        }
    }
}
