package org.newslens.nlp.service;

import jakarta.inject.Singleton;
import org.newslens.nlp.config.NlpConfig;

/** The largest text this service analyses, the same for /analyze and for queued jobs. */
@Singleton
public class TextSizeLimit {

    private final int maxBytes;

    TextSizeLimit(NlpConfig config) {
        this.maxBytes = config.maxTextBytes();
    }

    public void check(String field, String text) {
        long bytes = utf8Length(text);
        if (bytes > maxBytes) {
            throw InvalidInputException.tooLarge(field, field + " is " + bytes + " bytes of UTF-8; at most " + maxBytes
                    + " are analysed. Split the text, or raise newslens.nlp.max-text-bytes.");
        }
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
