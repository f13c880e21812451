package org.newslens.query.service;

import org.newslens.query.search.InvalidSearchException;

import java.util.Locale;
import java.util.Map;

/** nlp.entities types, accepted as stored (PERSON) or by their query-field names (person, org, place). */
final class EntityType {

    private static final Map<String, String> NAMES = Map.of(
            "person", "PERSON", "org", "ORGANIZATION", "organization", "ORGANIZATION",
            "place", "LOCATION", "location", "LOCATION", "misc", "MISC");

    private EntityType() {
    }

    /** The stored type, or null for "any type". */
    static String parse(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String stored = NAMES.get(type.strip().toLowerCase(Locale.ROOT));
        if (stored == null) {
            throw InvalidSearchException.parameter("type",
                    "type '" + type + "' is not an entity type: use person, org, place or misc.");
        }
        return stored;
    }
}
