package org.newslens.query.search;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Bucket widths for timelines, in UTC; weeks start on Monday (ISO 8601). */
public enum TimelineInterval {
    HOUR,
    DAY,
    WEEK,
    MONTH;

    public static TimelineInterval parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidSearchException.parameter("interval",
                    "interval '" + value + "' is not supported: use hour, day (default), week or month.");
        }
    }

    /** The start of the bucket holding {@code instant}. */
    Instant bucketOf(Instant instant) {
        ZonedDateTime time = instant.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> time.truncatedTo(ChronoUnit.DAYS).toInstant();
            case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        };
    }

    Instant next(Instant bucket) {
        ZonedDateTime time = bucket.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> time.plusHours(1).toInstant();
            case DAY -> time.plusDays(1).toInstant();
            case WEEK -> time.plusWeeks(1).toInstant();
            case MONTH -> time.plusMonths(1).toInstant();
        };
    }
}
