package org.newslens.query.index;

/**
 * How an entity is kept in the entity facets' doc values: id, type and canonical name joined by a
 * control character that names never contain, so counts need no database lookup to be shown.
 */
public record EntityFacetValue(long id, String type, String canonical) {

    private static final char SEPARATOR = '\u001f';

    String encode() {
        return id + String.valueOf(SEPARATOR) + type + SEPARATOR + canonical;
    }

    public static EntityFacetValue decode(String stored) {
        int first = stored.indexOf(SEPARATOR);
        int second = stored.indexOf(SEPARATOR, first + 1);
        return new EntityFacetValue(Long.parseLong(stored.substring(0, first)), stored.substring(first + 1, second),
                stored.substring(second + 1));
    }
}
