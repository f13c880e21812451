package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;
import org.newslens.nlp.pipeline.Findings.Quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes and their speakers. Direct speech is text in quotation marks of four words or more; its
 * speaker is the person or organisation named beside a speech verb just after it ("…," Blinken told
 * reporters; "…," said Blinken) or just before it (Blinken said: "…"), and "he" or "she" there is the
 * person last named before the quote. Reported speech is a sentence in which a named person or
 * organisation is the subject of a speech verb ("Blinken emphasized the US's aversion …"); its text is
 * what follows the verb. Speakers are given by their canonical names.
 */
@Singleton
public class QuoteStage implements AnalysisStage {

    static final Set<String> SPEECH_VERBS = Set.of(
            "say", "tell", "add", "state", "emphasize", "emphasise", "stress", "urge", "warn", "announce", "note",
            "insist", "argue", "claim", "deny", "declare", "explain", "write", "acknowledge", "affirm", "assert",
            "vow", "pledge", "reiterate", "confirm", "demand", "promise", "admit", "allege", "predict", "suggest");
    /** Words that may stand between a speaker and the speech verb ("Blinken himself has urged"). */
    private static final Set<String> BETWEEN = Set.of(
            "himself", "herself", "itself", "has", "had", "have", "also", "later", "then", "again", "repeatedly",
            "previously", "earlier", "further", "once", "would", "will", "publicly", "privately");
    private static final Set<String> PRONOUNS = Set.of("he", "she");
    private static final Pattern QUOTED = Pattern.compile("“([^”]+)”|\"([^\"\\n]+)\"");
    private static final int NEAR = 6;

    @Override
    public String name() {
        return "quotes";
    }

    @Override
    public boolean appliesTo(Document document) {
        return "en".equals(document.language()) && !document.sentences().isEmpty();
    }

    @Override
    public void apply(Document document) {
        List<Quote> quotes = new ArrayList<>();
        List<Token> tokens = document.tokens();
        Matcher quoted = QUOTED.matcher(document.text());
        while (quoted.find()) {
            int group = quoted.group(1) != null ? 1 : 2;
            if (quoted.group(group).strip().split("\\s+").length < 4) {
                continue;
            }
            String speaker = speakerAfter(document, tokens, quoted.end())
                    .or(() -> speakerBefore(document, tokens, quoted.start())).orElse(null);
            quotes.add(new Quote(quoted.group(group), quoted.start(group), quoted.end(group), speaker));
        }
        for (Sentence sentence : document.sentences()) {
            if (quotes.stream().anyMatch(q -> q.start() < sentence.end() && sentence.start() < q.end())) {
                continue;
            }
            reported(document, sentence).ifPresent(quotes::add);
        }
        quotes.sort(Comparator.comparingInt(Quote::start));
        document.setQuotes(quotes);
    }

    /** "… ," Blinken told reporters / "…," said Blinken / "…," he said. */
    private static Optional<String> speakerAfter(Document document, List<Token> tokens, int quoteEnd) {
        int first = firstTokenFrom(tokens, quoteEnd);
        int verb = -1;
        for (int i = first; i < Math.min(tokens.size(), first + NEAR); i++) {
            if (isSpeechVerb(tokens.get(i))) {
                verb = i;
                break;
            }
            if (tokens.get(i).text().matches("[.!?]") || tokens.get(i).text().matches("[“\"]")) {
                break;
            }
        }
        if (verb < 0) {
            return Optional.empty();
        }
        for (int i = first; i < Math.min(tokens.size(), verb + 4); i++) {
            Optional<String> speaker = speakerAt(document, tokens, i, quoteEnd);
            if (speaker.isPresent()) {
                return speaker;
            }
        }
        return Optional.empty();
    }

    /** Blinken said: "…" */
    private static Optional<String> speakerBefore(Document document, List<Token> tokens, int quoteStart) {
        int last = firstTokenFrom(tokens, quoteStart) - 1;
        for (int verb = last; verb >= Math.max(0, last - 3); verb--) {
            if (isSpeechVerb(tokens.get(verb))) {
                for (int i = verb - 1; i >= Math.max(0, verb - 4); i--) {
                    Optional<String> speaker = speakerAt(document, tokens, i, quoteStart);
                    if (speaker.isPresent()) {
                        return speaker;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A sentence whose subject, a named person or organisation, is followed by a speech verb. */
    private static Optional<Quote> reported(Document document, Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Optional<Entity> entity = document.entityAt(tokens.get(i).start())
                    .filter(e -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION);
            if (entity.isEmpty()) {
                continue;
            }
            int next = i + 1;
            while (next < tokens.size() && document.entityAt(tokens.get(next).start()).equals(entity)) {
                next++;
            }
            while (next < tokens.size() && BETWEEN.contains(tokens.get(next).text().toLowerCase(Locale.ROOT))) {
                next++;
            }
            if (next < tokens.size() - 2 && isSpeechVerb(tokens.get(next))) {
                int from = next + 1;
                if (tokens.get(from).text().equalsIgnoreCase("that")) {
                    from++;
                }
                int to = tokens.size() - 1;
                while (to > from && tokens.get(to).text().matches("[.!?]")) {
                    to--;
                }
                if (to - from >= 2) {
                    int start = tokens.get(from).start();
                    int end = tokens.get(to).end();
                    return Optional.of(new Quote(document.text().substring(start, end), start, end, entity.get().canonical()));
                }
            }
            i = next - 1;
        }
        return Optional.empty();
    }

    private static Optional<String> speakerAt(Document document, List<Token> tokens, int index, int before) {
        Token token = tokens.get(index);
        Optional<Entity> named = document.entityAt(token.start())
                .filter(e -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION);
        if (named.isPresent()) {
            return named.map(Entity::canonical);
        }
        if (PRONOUNS.contains(token.text().toLowerCase(Locale.ROOT))) {
            return lastPersonBefore(document, before);
        }
        return Optional.empty();
    }

    private static Optional<String> lastPersonBefore(Document document, int offset) {
        return document.entities().stream()
                .filter(e -> e.type() == EntityType.PERSON)
                .flatMap(e -> e.mentions().stream().filter(m -> m.end() <= offset).map(m -> new Object[]{m.start(), e}))
                .max(Comparator.comparingInt(pair -> (Integer) pair[0]))
                .map(pair -> ((Entity) pair[1]).canonical());
    }

    private static boolean isSpeechVerb(Token token) {
        return token.isVerb() && SPEECH_VERBS.contains(ContentWords.key(token));
    }

    private static int firstTokenFrom(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }
}
