package org.newslens.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/** SHA-256 of a body after Unicode, case and whitespace normalisation: equal for exact duplicates. */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static byte[] of(String text) {
        return sha256(normalise(text));
    }

    /**
     * The body as compared for exact duplicates: NFKC, lower case, each run of ASCII whitespace (space,
     * tab, line feed, vertical tab, form feed, carriage return) as one space, stripped.
     */
    public static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        char[] collapsed = new char[folded.length()];
        int length = 0;
        boolean inWhitespace = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean whitespace = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!whitespace || !inWhitespace) {
                collapsed[length++] = whitespace ? ' ' : c;
            }
            inWhitespace = whitespace;
        }
        return new String(collapsed, 0, length).strip();
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
