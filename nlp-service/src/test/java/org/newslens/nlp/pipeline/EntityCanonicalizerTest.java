package org.newslens.nlp.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityCanonicalizerTest {

    private final EntityCanonicalizer canonicalizer = new EntityCanonicalizer();

    @Test
    void shortPersonNameAndTitledFormMergeIntoTheFullName() {
        List<Entity> entities = canonicalize("Secretary Dana Okafor arrived. Okafor spoke. Secretary Okafor left.",
                person("Secretary Dana Okafor"), person("Okafor"), person("Secretary Okafor"));

        assertEquals(1, entities.size());
        Entity okafor = entities.get(0);
        assertEquals("Dana Okafor", okafor.canonical());
        assertEquals(List.of("Dana Okafor", "Okafor"), okafor.aliases());
        assertEquals(3, okafor.mentions().size());
    }

    @Test
    void multiWordTitlesAndOfPhrasesAreStripped() {
        String text = "Iraqi Prime Minister Layla Haddad met Secretary of State Tom Reyes.";
        List<Entity> entities = canonicalize(text, person("Iraqi Prime Minister Layla Haddad"),
                person("Secretary of State Tom Reyes"));

        assertEquals(List.of("Layla Haddad", "Tom Reyes"), entities.stream().map(Entity::canonical).toList());
        Mention haddad = entities.get(0).mentions().get(0);
        assertEquals("Layla Haddad", text.substring(haddad.start(), haddad.end()));
    }

    @Test
    void spellingVariantsOfArabicPrefixesAreOnePerson() {
        String text = "Prime Minister Al-Karimi spoke. Later Al Karimi and Yusuf Abd' al-Karimi met al-karimi's aides.";
        List<Entity> entities = canonicalize(text, person("Prime Minister Al-Karimi"), person("Al Karimi"),
                person("Yusuf Abd' al-Karimi"), person("al-karimi's"));

        assertEquals(1, entities.size());
        assertEquals("Yusuf Abd' al-Karimi", entities.get(0).canonical());
        assertTrue(entities.get(0).aliases().containsAll(List.of("Al-Karimi", "Al Karimi", "al-karimi")));
    }

    @Test
    void aNameCutInTwoAtAnApostropheIsJoined() {
        String text = "Then Yusuf Abd' Al Karimi spoke.";
        List<Entity> entities = canonicalize(text, person("Yusuf Abd"), person("Al Karimi"));

        assertEquals(1, entities.size());
        assertEquals("Yusuf Abd' Al Karimi", entities.get(0).canonical());
    }

    @Test
    void pronounsAndLoneTitleWordsAreNotEntities() {
        String text = "The Secretary of State said his visit to Lima mattered to him.";
        List<Entity> entities = canonicalize(text, mention("State", EntityType.ORGANIZATION), person("his"),
                person("him"), mention("Lima", EntityType.LOCATION));

        assertEquals(List.of("Lima"), entities.stream().map(Entity::canonical).toList());
    }

    @Test
    void acronymsThatSpellAPronounAreKept() {
        List<Entity> entities = canonicalize("The US said so.", mention("US", EntityType.LOCATION));

        assertEquals(List.of("US"), entities.stream().map(Entity::canonical).toList());
    }

    @Test
    void leadingTheAndPossessivesAreTrimmedFromTheSpan() {
        String text = "Officials of the Northern Alliance's council met.";
        List<Entity> entities = canonicalize(text, mention("the Northern Alliance's", EntityType.ORGANIZATION));

        Mention mention = entities.get(0).mentions().get(0);
        assertEquals("Northern Alliance", mention.text());
        assertEquals("Northern Alliance", text.substring(mention.start(), mention.end()));
    }

    @Test
    void anAmbiguousSurnameStaysOnItsOwn() {
        List<Entity> entities = canonicalize("Ann Lee and Bo Lee came. Lee spoke.",
                person("Ann Lee"), person("Bo Lee"), person("Lee"));

        assertEquals(3, entities.size());
    }

    @Test
    void aMistypedSurnameJoinsItsPerson() {
        List<Entity> entities = canonicalize("Dana Okafor came. Okafor spoke.",
                person("Dana Okafor"), mention("Okafor", EntityType.ORGANIZATION));

        assertEquals(1, entities.size());
        assertEquals(EntityType.PERSON, entities.get(0).type());
        assertEquals(EntityType.PERSON, entities.get(0).mentions().get(1).type());
    }

    @Test
    void placesAreNotMergedIntoLongerPlaceNames() {
        List<Entity> entities = canonicalize("Paris and Paris Basin.",
                mention("Paris", EntityType.LOCATION), mention("Paris Basin", EntityType.LOCATION));

        assertEquals(2, entities.size());
    }

    @Test
    void anHonorificEndsTheTitleAndNamesKeepTheirOfficeWords() {
        List<Entity> entities = canonicalize("Dr Sultan Al Mansour met Martin Luther King Jr and Defense Secretary Ana Ruiz.",
                person("Dr Sultan Al Mansour"), person("Martin Luther King Jr"), person("Defense Secretary Ana Ruiz"));

        assertEquals(List.of("Sultan Al Mansour", "Martin Luther King Jr", "Ana Ruiz"),
                entities.stream().map(Entity::canonical).toList());
    }

    @Test
    void anAbbreviationJoinsTheNameItAbbreviates() {
        List<Entity> entities = canonicalize("The Pacific Rim Trade Council (PRTC) met in the U.S.; the United States hosted it.",
                mention("Pacific Rim Trade Council", EntityType.ORGANIZATION), mention("PRTC", EntityType.ORGANIZATION),
                mention("U.S.", EntityType.LOCATION), mention("United States", EntityType.LOCATION));

        assertEquals(List.of("Pacific Rim Trade Council", "United States"), entities.stream().map(Entity::canonical).toList());
        assertEquals(List.of("PRTC", "Pacific Rim Trade Council"), entities.get(0).aliases());
        assertEquals(List.of("U.S.", "United States"), entities.get(1).aliases());
    }

    @Test
    void aPlaceNamedWithoutItsFeatureWordIsThatPlace() {
        List<Entity> entities = canonicalize("Rafah and the Rafah Strip.",
                mention("Rafah", EntityType.LOCATION), mention("Rafah Strip", EntityType.LOCATION));

        assertEquals(1, entities.size());
        assertEquals("Rafah Strip", entities.get(0).canonical());
    }

    private Probe person(String surface) {
        return mention(surface, EntityType.PERSON);
    }

    private Probe mention(String surface, EntityType type) {
        return new Probe(surface, type);
    }

    /** Places each probe at its next occurrence in the text, in order. */
    private List<Entity> canonicalize(String text, Probe... probes) {
        List<Mention> mentions = new ArrayList<>();
        int from = 0;
        for (Probe probe : probes) {
            int start = text.indexOf(probe.surface(), from);
            if (start < 0) {
                start = text.indexOf(probe.surface());
            }
            mentions.add(new Mention(probe.surface(), probe.type(), start, start + probe.surface().length()));
            from = start + 1;
        }
        Document document = new Document(text, null, "en");
        document.setMentions(mentions);
        canonicalizer.apply(document);
        return document.entities();
    }

    private record Probe(String surface, EntityType type) {
    }
}
