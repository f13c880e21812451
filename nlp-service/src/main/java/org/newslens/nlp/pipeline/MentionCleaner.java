package org.newslens.nlp.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Narrows a raw mention to the name itself, or drops it. Titles and honorifics go ("Prime Minister
 * Al-Sudani" → "Al-Sudani"), as do a leading "the" and a trailing possessive; pronouns and lone title
 * words ("State" from "Secretary of State") are not entities. The span shrinks with the text, so
 * offsets keep pointing at exactly the words that remain.
 */
final class MentionCleaner {

    /** Forms of address; a name always follows them ("Dr Sultan Al Jaber": Sultan is a name here). */
    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "reverend");

    /** Offices and ranks that, before a person's name, say what the person is. */
    private static final Set<String> OFFICES = Set.of(
            "professor", "lord", "lady", "president", "premier", "chancellor", "minister", "secretary", "senator",
            "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "king",
            "queen", "prince", "princess", "sheikh", "emir", "sultan", "ayatollah", "imam", "pope", "cardinal",
            "bishop", "rabbi", "general", "gen", "lt", "colonel", "col", "major", "maj", "captain", "capt",
            "admiral", "adm", "sergeant", "sgt", "commander", "judge", "justice", "ambassador", "envoy",
            "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo", "director", "chief",
            "leader", "speaker", "councillor", "councilor", "attorney", "elect");

    /**
     * Words that qualify an office before it ("former Prime Minister", "Defense Secretary"). Alone, as a
     * mention, they are fragments of a title ("State" from "Secretary of State").
     */
    private static final Set<String> OFFICE_QUALIFIERS = Set.of(
            "former", "acting", "deputy", "vice", "prime", "foreign", "defense", "defence", "interior", "finance",
            "economy", "home", "trade", "energy", "state", "affairs", "commerce", "first", "senior", "outgoing",
            "incoming", "then", "interim", "supreme");

    /** Endings of nationality adjectives that may precede an office ("Iraqi", "Argentinian", "Chinese"). */
    private static final Pattern DEMONYM = Pattern.compile(".*(?:an|i|ese|ish|ic)$");

    private static final Set<String> PRONOUNS = Set.of(
            "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it",
            "its", "we", "us", "our", "ours", "they", "them", "their", "theirs", "himself", "herself",
            "itself", "themselves", "this", "that", "these", "those", "who", "whom", "whose");

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern AFTER_HONORIFIC = Pattern.compile("(?:^|\\s)(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\\.?\\s+$");
    private static final Pattern GIVEN_NAMES_AFTER_HONORIFIC = Pattern.compile(
            "(?:^|\\s)(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\\.?\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+){1,2})$");
    private static final Pattern PORTFOLIO = Pattern.compile("(?:Minister|Ministers|Secretary|Secretaries|Minister of State) (?:of|for) (?:the )?$");
    private static final Pattern POSSESSIVE = Pattern.compile("(?:['’]s|(?<=s)['’])$");

    private MentionCleaner() {
    }

    static Optional<Mention> clean(Mention mention) {
        return clean(mention, null);
    }

    /**
     * As {@link #clean(Mention)}, looking also at the text just before the mention (may be null): after
     * an honorific the first word is a name ("Dr Sultan Al Jaber"), and an organisation named right
     * after "Minister of" is a portfolio, not an organisation ("Minister of Road Transport").
     */
    static Optional<Mention> clean(Mention mention, String documentText) {
        String before = documentText == null ? ""
                : documentText.substring(Math.max(0, mention.start() - 20), mention.start());
        if (mention.type() == EntityType.ORGANIZATION && PORTFOLIO.matcher(before).find()) {
            return Optional.empty();
        }
        Matcher given = GIVEN_NAMES_AFTER_HONORIFIC.matcher(before);
        if (mention.type() == EntityType.PERSON && given.find()) {
            // the recognizer often leaves out a given name that looks like a title ("Dr Sultan Al Jaber")
            int start = mention.start() - (before.length() - given.start(1));
            mention = new Mention(documentText.substring(start, mention.end()), mention.type(), start, mention.end());
            before = documentText.substring(Math.max(0, start - 20), start);
        }
        List<Word> words = words(mention);
        if (!words.isEmpty() && words.get(0).normalized().equals("the")) {
            words.remove(0);
        }
        if (mention.type() == EntityType.PERSON && !AFTER_HONORIFIC.matcher(before).find()) {
            words = withoutTitle(words);
        }
        if (words.isEmpty() || isPronoun(words) || isTitleFragment(words)) {
            return Optional.empty();
        }
        int start = words.get(0).start();
        int end = words.get(words.size() - 1).end();
        String text = mention.text().substring(start - mention.start(), end - mention.start());
        Matcher possessive = POSSESSIVE.matcher(text);
        if (possessive.find() && possessive.start() > 0) {
            end -= text.length() - possessive.start();
            text = text.substring(0, possessive.start());
        }
        return Optional.of(new Mention(text, mention.type(), start, end));
    }

    /**
     * Drops a leading title: qualifiers and nationality, then offices (with an "of …" after one) up to
     * and including an honorific. Words before the first office must look like qualifiers, so a name
     * that contains an office word ("Martin Luther King Jr") keeps it. At least one word remains.
     */
    private static List<Word> withoutTitle(List<Word> words) {
        int first = 0;
        while (first < words.size() - 1 && !isTitle(words.get(first)) && qualifiesOffice(words.get(first))) {
            first++;
        }
        int nameStart = first;
        while (nameStart < words.size() - 1 && isTitle(words.get(nameStart))) {
            boolean honorific = HONORIFICS.contains(words.get(nameStart).normalized());
            nameStart++;
            if (words.get(nameStart).normalized().equals("of")) {
                nameStart = Math.min(nameStart + 2, words.size());
            }
            if (honorific) {
                break;
            }
        }
        return nameStart == first ? words : new ArrayList<>(words.subList(nameStart, words.size()));
    }

    private static boolean isTitle(Word word) {
        String normalized = word.normalized();
        String head = normalized.substring(normalized.lastIndexOf('-') + 1);
        return HONORIFICS.contains(normalized) || OFFICES.contains(normalized) || OFFICES.contains(head);
    }

    private static boolean qualifiesOffice(Word word) {
        String text = word.text().replace(".", "");
        boolean acronym = text.length() > 1 && text.equals(text.toUpperCase(Locale.ROOT));
        return acronym || OFFICE_QUALIFIERS.contains(word.normalized()) || DEMONYM.matcher(word.normalized()).matches();
    }

    private static boolean isPronoun(List<Word> words) {
        Word word = words.get(0);
        boolean acronym = word.text().length() > 1 && word.text().equals(word.text().toUpperCase(Locale.ROOT));
        return words.size() == 1 && !acronym && PRONOUNS.contains(word.normalized());
    }

    private static boolean isTitleFragment(List<Word> words) {
        return words.size() == 1 && (isTitle(words.get(0)) || OFFICE_QUALIFIERS.contains(words.get(0).normalized()));
    }

    private static List<Word> words(Mention mention) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(mention.text());
        while (matcher.find()) {
            words.add(new Word(matcher.group(), mention.start() + matcher.start(), mention.start() + matcher.end()));
        }
        return words;
    }

    private record Word(String text, int start, int end) {
        String normalized() {
            return text.toLowerCase(Locale.ROOT).replaceAll("[.,]+$", "");
        }
    }
}
