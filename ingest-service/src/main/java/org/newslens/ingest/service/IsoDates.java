package org.newslens.ingest.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The date forms the API accepts: an ISO-8601 date-time with offset, or a date (midnight UTC), in the
 * years 1 to 9999. Java parses years up to ±999,999,999 but PostgreSQL stores 4713 BC to 294276 AD,
 * so a wider year must be refused here, as the field it came in, rather than fail in the database.
 */
public final class IsoDates {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

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

    /** @return whether {@code instant} lies in the years 1 to 9999 (UTC) */
    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
