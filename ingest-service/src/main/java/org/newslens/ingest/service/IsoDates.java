package org.newslens.ingest.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The date forms the API accepts: an ISO-8601 date-time with offset, or a date (midnight UTC). */
public final class IsoDates {

    private IsoDates() {
    }

    /** @return the instant, or null if {@code value} is neither form */
    public static Instant parse(String value) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
