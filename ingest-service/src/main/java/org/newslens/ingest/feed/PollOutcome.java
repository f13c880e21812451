package org.newslens.ingest.feed;

import java.util.Locale;

/** How one poll of a feed ended; stored and shown in lower case ({@code ok}, {@code not_modified}, {@code error}). */
public enum PollOutcome {
    /** The feed was fetched and read; its entries were ingested (some may still have failed). */
    OK,
    /** The server answered 304: nothing changed since the last poll. */
    NOT_MODIFIED,
    /** The feed could not be fetched or read; the poll's error says why. */
    ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PollOutcome of(String code) {
        return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
