package org.newslens.query.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page ended, as an opaque token: the sort it belongs to and the last hit's sort
 * values (score or publication time, then article id, which makes the order total).
 */
record SearchCursor(SortOrder sort, float score, long published, long id) {

    String encode() {
        String plain = sort.name().charAt(0) + ":" + Float.floatToIntBits(score) + ":" + published + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String token, SortOrder expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8).split(":");
            SortOrder sort = switch (parts[0]) {
                case "R" -> SortOrder.RELEVANCE;
                case "D" -> SortOrder.DATE;
                default -> throw new IllegalArgumentException(parts[0]);
            };
            if (parts.length != 4) {
                throw new IllegalArgumentException("parts");
            }
            if (sort != expected) {
                throw InvalidSearchException.parameter("cursor", "cursor belongs to sort=" + sort.name().toLowerCase()
                        + " but this request sorts by " + expected.name().toLowerCase() + ": repeat the first request's sort.");
            }
            return new SearchCursor(sort, Float.intBitsToFloat(Integer.parseInt(parts[1])), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw InvalidSearchException.parameter("cursor",
                    "cursor is not one this service issued: pass nextCursor from the previous page unchanged.");
        }
    }
}
