package org.newslens.ingest.rest;

import org.newslens.ingest.service.ArticleValidator;
import org.newslens.ingest.service.InvalidInputException;
import org.newslens.ingest.service.IsoDates;

import java.time.Instant;

/** Parses query parameters so that a bad value is a 400 problem naming the parameter. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** @return the stripped text, or null when absent or blank */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            ArticleValidator.requireStorable(name, value);
        } catch (InvalidInputException unstorable) {
            throw new InvalidParameterException(name, unstorable.getMessage());
        }
        return value.strip();
    }

    /**
     * The value of a parameter that has a deprecated older name: either may be sent, not both with
     * different values.
     */
    static String renamed(String name, String value, String oldName, String oldValue) {
        if (value != null && oldValue != null && !value.equals(oldValue)) {
            throw new InvalidParameterException(name, name + " and its old name " + oldName + " disagree ('" + value
                    + "', '" + oldValue + "'). Send " + name + " only.");
        }
        return value != null ? value : oldValue;
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
        throw new InvalidParameterException(name, name + " '" + value + "' must be a whole number from " + min + " to " + max + ".");
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = IsoDates.parse(value);
        if (instant == null || !IsoDates.isStorable(instant)) {
            throw new InvalidParameterException(name, name + " '" + value
                    + "' is not a date in the years 1 to 9999. Use ISO-8601, e.g. 2023-11-05T14:30:00Z or 2023-11-05.");
        }
        return instant;
    }
}
