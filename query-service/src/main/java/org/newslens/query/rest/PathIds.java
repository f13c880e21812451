package org.newslens.query.rest;

import java.util.Optional;

/** Article and entity ids in paths: anything but a positive whole number names nothing, so it is a 404. */
final class PathIds {

    private PathIds() {
    }

    static Optional<Long> parse(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
