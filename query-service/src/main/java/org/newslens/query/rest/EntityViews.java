package org.newslens.query.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.query.service.EntityProfile;
import org.newslens.query.service.EntitySummaryRow;

import java.util.List;

/** Response bodies of the entity endpoints, mapped from the service's records in one place. */
final class EntityViews {

    private EntityViews() {
    }

    /** A listing in the suite's style ({@code items}); {@code entities} repeats it under its old name for one release. */
    @Schema(name = "EntityDirectory")
    public record Directory(
            List<Entity> items,
            @Schema(description = "Deprecated, the same list under its old name; removed in 0.3.", deprecated = true)
            List<Entity> entities) {
        static Directory of(List<EntitySummaryRow> rows) {
            List<Entity> entities = rows.stream().map(Entity::of).toList();
            return new Directory(entities, entities);
        }
    }

    @Schema(name = "Entity")
    public record Entity(
            @Schema(example = "12") long id,
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}, example = "PERSON") String type,
            @Schema(description = "Wikidata id, where resolved", example = "Q7158003") String kbId,
            @Schema(example = "[\"Blinken\"]") List<String> aliases,
            @Schema(description = "Articles mentioning it", example = "214") long articles) {
        static Entity of(EntitySummaryRow row) {
            return new Entity(row.id(), row.canonical(), row.type(), row.kbId(), row.aliases(), row.articles());
        }
    }

    @Schema(name = "EntityProfile")
    public record Profile(
            @Schema(example = "12") long id,
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(example = "PERSON") String type,
            @Schema(example = "Q7158003") String kbId,
            List<String> aliases,
            @Schema(example = "214") long articles,
            @Schema(description = "Per UTC day of publication (else ingestion)") List<EntityProfile.DailyMentions> mentions,
            @Schema(description = "Entities mentioned in the same articles, most shared articles first") List<EntityProfile.CoOccurrence> coOccurring,
            @Schema(description = "Mean tone toward the entity per day (-1 to 1), with up to 3 evidence spans") List<EntityProfile.DailyTone> tone,
            @Schema(description = "Sources mentioning it in the most articles") List<EntityProfile.SourceCount> sources) {
        static Profile of(EntityProfile profile) {
            EntitySummaryRow e = profile.entity();
            return new Profile(e.id(), e.canonical(), e.type(), e.kbId(), e.aliases(), e.articles(), profile.mentions(),
                    profile.coOccurring(), profile.tone(), profile.sources());
        }
    }

}
