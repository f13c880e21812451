package org.newslens.query.search;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.newslens.query.index.ArticleFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Point range queries for the numeric fields: tone (a number in [-1, 1]) and published (a date,
 * 2023-11-01, meaning that whole UTC day, or an instant, 2023-11-01T10:00:00Z). {@code *} leaves a
 * side open; a date as an upper bound includes its whole day.
 */
final class NumericRanges {

    private NumericRanges() {
    }

    static Query range(String field, String from, String to, boolean fromInclusive, boolean toInclusive) {
        if (ArticleFields.TONE.equals(field)) {
            double low = from == null ? Double.NEGATIVE_INFINITY : number(from);
            double high = to == null ? Double.POSITIVE_INFINITY : number(to);
            return DoublePoint.newRangeQuery(field,
                    fromInclusive || from == null ? low : Math.nextUp(low),
                    toInclusive || to == null ? high : Math.nextDown(high));
        }
        long low = from == null ? Long.MIN_VALUE : fromInclusive ? start(from) : end(from) + 1;
        long high = to == null ? Long.MAX_VALUE : toInclusive ? end(to) : start(to) - 1;
        return LongPoint.newRangeQuery(field, low, high);
    }

    /** {@code tone:0.5} is that exact score; {@code published:2023-11-01} is that day. */
    static Query exact(String field, String value) {
        if (ArticleFields.TONE.equals(field)) {
            return DoublePoint.newExactQuery(field, number(value));
        }
        return LongPoint.newRangeQuery(field, start(value), end(value));
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw InvalidSearchException.query("has tone '" + value + "', which is not a number: tone is a score "
                    + "from -1 (negative) to 1 (positive), e.g. tone:<-0.5 or tone:[-1 TO -0.2].");
        }
    }

    /** First millisecond of a date or the instant itself. */
    private static long start(String value) {
        return value.length() == 10 ? date(value).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() : instant(value);
    }

    /** Last millisecond of a date's day, or the instant itself. */
    private static long end(String value) {
        return value.length() == 10
                ? date(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1 : instant(value);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw notADate(value);
        }
    }

    private static long instant(String value) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw notADate(value);
        }
    }

    private static InvalidSearchException notADate(String value) {
        return InvalidSearchException.query("has published '" + value + "', which is not a date: write 2023-11-01 "
                + "(a UTC day) or 2023-11-01T10:00:00Z, e.g. published:[2023-11-01 TO 2023-11-30] or published:[2023-11-01 TO *].");
    }
}
