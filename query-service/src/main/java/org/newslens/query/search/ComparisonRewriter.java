package org.newslens.query.search;

import org.newslens.query.index.ArticleFields;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns comparisons on numeric fields ({@code tone:<-0.5}, {@code published:>=2023-11-01}) into the
 * range syntax the classic parser reads ({@code tone:{* TO -0.5}}). The classic grammar has no
 * comparison operators, and a term may not start with "-", so this happens before parsing.
 */
final class ComparisonRewriter {

    private static final Pattern COMPARISON = Pattern.compile(
            "(?<![\\w.])(" + String.join("|", ArticleFields.NUMERIC_FIELDS) + "):(<=|>=|<|>)([^\\s()\\[\\]{}\"]+)");

    private ComparisonRewriter() {
    }

    static String toRanges(String q) {
        Matcher matcher = COMPARISON.matcher(q);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            if (insideQuotes(q, matcher.start())) {
                continue;
            }
            out.append(q, copied, matcher.start()).append(matcher.group(1)).append(':')
                    .append(range(matcher.group(2), matcher.group(3)));
            copied = matcher.end();
        }
        return out.append(q.substring(copied)).toString();
    }

    private static String range(String operator, String value) {
        return switch (operator) {
            case "<" -> "{* TO " + value + "}";
            case "<=" -> "[* TO " + value + "]";
            case ">" -> "{" + value + " TO *}";
            default -> "[" + value + " TO *]";
        };
    }

    private static boolean insideQuotes(String q, int end) {
        boolean inside = false;
        for (int i = 0; i < end; i++) {
            char c = q.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }
}
