package org.newslens.ingest.rest;

import org.newslens.ingest.service.InvalidArticleException;

import org.newslens.ingest.service.IsoDates;

import java.time.Instant;

/** Parses query parameters so that a bad value is a 400 problem naming the parameter. */
final class QueryParameters {

    private QueryParameters() {
    }

    static long number(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw InvalidArticleException.invalid(name, name + " '" + value + "' must be a whole number from " + min + " to " + max + ".");
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = IsoDates.parse(value);
        if (instant == null || !IsoDates.isStorable(instant)) {
            throw InvalidArticleException.invalid(name, name + " '" + value
                    + "' is not a date in the years 1 to 9999. Use ISO-8601, e.g. 2023-11-05T14:30:00Z or 2023-11-05.");
        }
        return instant;
    }
}
