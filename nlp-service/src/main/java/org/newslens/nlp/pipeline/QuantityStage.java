package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;
import org.newslens.nlp.pipeline.Findings.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers with what they count: a number (digits or words, with "million", "bn" and the like), an
 * optional currency before it or "%"/"percent" after it, then the noun it counts, past up to three
 * modifiers ("10,000 Palestinian casualties", "41 trapped workers", "55.8% of the vote", "$4.3bn").
 * A number that counts nothing and has no unit (a year, a score) is left out.
 */
@Singleton
public class QuantityStage implements AnalysisStage {

    private static final Map<String, Double> SCALES = Map.of(
            "thousand", 1e3, "k", 1e3, "million", 1e6, "m", 1e6, "mn", 1e6, "billion", 1e9, "bn", 1e9, "b", 1e9,
            "trillion", 1e12, "tn", 1e12);
    private static final Map<String, Double> WORDS = Map.ofEntries(
            Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0),
            Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
            Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0),
            Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("fifty", 50.0), Map.entry("hundred", 100.0),
            Map.entry("dozen", 12.0), Map.entry("dozens", 24.0), Map.entry("hundreds", 200.0), Map.entry("thousands", 2000.0));
    private static final Map<String, String> CURRENCIES = Map.of("$", "USD", "US$", "USD", "£", "GBP", "€", "EUR", "¥", "JPY");
    private static final Set<String> PERCENT = Set.of("%", "percent", "per cent");
    private static final Pattern NUMERAL = Pattern.compile("([\\d,]*\\.?\\d+)([a-zA-Z]*)");

    @Override
    public String name() {
        return "quantities";
    }

    @Override
    public boolean appliesTo(Document document) {
        return "en".equals(document.language()) && !document.sentences().isEmpty();
    }

    @Override
    public void apply(Document document) {
        List<Quantity> quantities = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            List<Token> tokens = sentence.tokens();
            int i = 0;
            while (i < tokens.size()) {
                Optional<Found> found = at(document.text(), tokens, i);
                if (found.isPresent()) {
                    quantities.add(found.get().quantity());
                    i = found.get().next();
                } else {
                    i++;
                }
            }
        }
        document.setQuantities(quantities);
    }

    private record Found(Quantity quantity, int next) {
    }

    private static Optional<Found> at(String text, List<Token> tokens, int first) {
        if (!tokens.get(first).isNumber()) {
            return Optional.empty();
        }
        int start = first;
        String unit = null;
        if (first > 0 && CURRENCIES.containsKey(tokens.get(first - 1).text())) {
            start = first - 1;
            unit = CURRENCIES.get(tokens.get(first - 1).text());
        }
        double value = 0;
        boolean any = false;
        int i = first;
        while (i < tokens.size() && (tokens.get(i).isNumber() || SCALES.containsKey(lower(tokens.get(i))))) {
            Double parsed = parse(lower(tokens.get(i)));
            if (parsed == null) {
                return Optional.empty();
            }
            value = any && SCALES.containsKey(lower(tokens.get(i))) ? value * parsed : any ? value : parsed;
            any = true;
            i++;
        }
        if (!any) {
            return Optional.empty();
        }
        int end = i - 1;
        if (i < tokens.size() && PERCENT.contains(lower(tokens.get(i)))) {
            unit = "%";
            end = i;
            i++;
            if (i + 1 < tokens.size() && lower(tokens.get(i)).equals("of")) {
                int nounStart = i + 1;
                if (tokens.get(nounStart).pos().equals("DT") && nounStart + 1 < tokens.size()) {
                    nounStart++;
                }
                Optional<Integer> head = head(tokens, nounStart);
                if (head.isPresent()) {
                    end = head.get();
                    return Optional.of(found(text, tokens, start, end, value, unit, tokens.get(end)));
                }
            }
            return Optional.of(found(text, tokens, start, end, value, unit, null));
        }
        Optional<Integer> head = head(tokens, i);
        if (head.isPresent()) {
            return Optional.of(found(text, tokens, start, head.get(), value, unit, tokens.get(head.get())));
        }
        return unit == null ? Optional.empty() : Optional.of(found(text, tokens, start, end, value, unit, null));
    }

    /** The last noun among the (at most four) modifiers and nouns that start at {@code from}. */
    private static Optional<Integer> head(List<Token> tokens, int from) {
        int head = -1;
        for (int i = from; i < Math.min(tokens.size(), from + 4) && isModifier(tokens.get(i)); i++) {
            if (tokens.get(i).isNoun() && !tokens.get(i).isProperNoun()) {
                head = i;
            }
        }
        return head < 0 ? Optional.empty() : Optional.of(head);
    }

    private static boolean isModifier(Token token) {
        return token.isAdjective() || token.isProperNoun() || token.pos().equals("VBN") || token.pos().equals("VBG")
                || token.pos().equals("HYPH") || token.isNoun();
    }

    private static Found found(String text, List<Token> tokens, int start, int end, double value, String unit, Token noun) {
        int from = tokens.get(start).start();
        int to = tokens.get(end).end();
        return new Found(new Quantity(text.substring(from, to), value, unit,
                noun == null ? null : noun.text().toLowerCase(Locale.ROOT), from, to), end + 1);
    }

    private static Double parse(String token) {
        if (WORDS.containsKey(token)) {
            return WORDS.get(token);
        }
        if (SCALES.containsKey(token)) {
            return SCALES.get(token);
        }
        Matcher numeral = NUMERAL.matcher(token);
        if (!numeral.matches()) {
            return null;
        }
        double value = Double.parseDouble(numeral.group(1).replace(",", ""));
        String suffix = numeral.group(2).toLowerCase(Locale.ROOT);
        if (suffix.isEmpty()) {
            return value;
        }
        return SCALES.containsKey(suffix) ? value * SCALES.get(suffix) : null;
    }

    private static String lower(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }
}
