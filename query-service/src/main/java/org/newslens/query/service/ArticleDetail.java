package org.newslens.query.service;

import java.time.Instant;
import java.util.List;

/** An article as stored, with the entities nlp-service found in it. */
public record ArticleDetail(long id, String title, String text, String url, Instant publishedAt, String source,
                            String language, List<Entity> entities) {

    /** An entity and each place the text mentions it, in text order. */
    public record Entity(long id, String canonical, String type, List<String> aliases, List<Mention> mentions) {
    }

    /** {@code start}/{@code end} are UTF-16 offsets into {@code text}, end exclusive. */
    public record Mention(String text, int start, int end) {
    }
}
