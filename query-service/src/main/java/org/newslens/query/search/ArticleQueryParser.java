package org.newslens.query.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.newslens.query.index.ArticleFields;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the user's query: Lucene classic syntax over title and text (title weighs double), terms
 * joined by AND unless OR is written, field filters on the index's keyword fields, and ranges on its
 * numeric ones ({@code tone:<-0.5}, {@code published:[2023-11-01 TO *]}).
 *
 * <p>What one query may cost is bounded here, each limit answered with a 400 naming the parameter and
 * the fix, never left to fail inside Lucene as a 500: its length, its number of terms, the work of
 * turning a regular expression or wildcard into an automaton, repetition counts in regular expressions,
 * the length of fuzzy terms (building their automaton grows with it: seconds at a thousand characters),
 * and how many index terms a prefix, wildcard, regular expression or range may expand to. Wildcards may
 * not start a term (the parser's default), so no term scans the whole dictionary unasked.
 */
final class ArticleQueryParser {

    /**
     * Longer text is prose, not a query; the parser's work grows with it. Below the HTTP server's 4,096-byte
     * request line (beyond it: 414), so this limit is the one a user meets.
     */
    static final int MAX_LENGTH = 2000;
    /** Largest {n} or {n,m} count in a regular expression: a{0,1000} already builds 1,000 states. */
    static final int MAX_REPEAT = 100;
    /** Longest fuzzy term; no word is longer, and its automaton takes 2 s to build at 1,000 characters. */
    static final int MAX_FUZZY_TERM_LENGTH = 64;
    private static final Pattern REPEAT_COUNTS = Pattern.compile("\\{(\\d+)(?:,(\\d*))?\\}");

    private static final String[] DEFAULT_FIELDS = {ArticleFields.TITLE, ArticleFields.TEXT};
    private static final Map<String, Float> BOOSTS = Map.of(ArticleFields.TITLE, 2f, ArticleFields.TEXT, 1f);
    private static final Set<String> QUERYABLE = queryableFields();
    private static final String EXAMPLE = "e.g. title:\"climate talks\" AND person:\"antony blinken\" NOT lang:de";

    private ArticleQueryParser() {
    }

    /**
     * The Lucene query for {@code q}, read from request parameter {@code parameter} (named by any problem
     * found); every article when {@code q} is null or blank. A prefix, wildcard, regular expression or term
     * range may match at most {@code maxExpansions} terms in each index segment.
     */
    static Query parse(String q, String parameter, Analyzer analyzer, int maxExpansions) {
        try {
            return parse(q, analyzer, new BoundedExpansion(maxExpansions, parameter));
        } catch (InvalidSearchException e) {
            throw e.inParameter(parameter);
        }
    }

    private static Query parse(String q, Analyzer analyzer, BoundedExpansion expansion) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > MAX_LENGTH) {
            throw InvalidSearchException.query("is " + q.length() + " characters long, more than the " + MAX_LENGTH
                    + " a query may have: search for fewer words, or for the few that matter.");
        }
        MultiFieldQueryParser parser = new NumericAwareParser(DEFAULT_FIELDS, analyzer, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setDeterminizeWorkLimit(Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        parser.setMultiTermRewriteMethod(expansion);
        Query query;
        try {
            query = parser.parse(ComparisonRewriter.toRanges(q));
        } catch (ParseException e) {
            if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
                throw tooManyTerms();
            }
            throw InvalidSearchException.query("is not a valid query: " + firstLine(e.getMessage())
                    + ". Close every quote and parenthesis, and escape special characters with \\ (" + EXAMPLE + ").");
        }
        rejectUnknownFields(query);
        rejectTooManyTerms(query);
        return matchAllWhenOnlyExclusions(query);
    }

    private static void rejectTooManyTerms(Query query) {
        int[] clauses = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                clauses[0]++;
            }

            @Override
            public void visitLeaf(Query leaf) {
                clauses[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (clauses[0] > IndexSearcher.getMaxClauseCount()) {
            throw tooManyTerms();
        }
    }

    private static InvalidSearchException tooManyTerms() {
        return InvalidSearchException.query("has more than " + IndexSearcher.getMaxClauseCount()
                + " terms: search for fewer words, or split the query.");
    }

    private static InvalidSearchException tooComplex(String term, String why) {
        return InvalidSearchException.query("has '" + abbreviated(term) + "', " + why);
    }

    private static String abbreviated(String term) {
        return term.length() <= 40 ? term : term.substring(0, 40) + "…";
    }

    private static void rejectUnknownFields(Query query) {
        Set<String> unknown = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                if (!QUERYABLE.contains(field)) {
                    unknown.add(field);
                }
                return false;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (!unknown.isEmpty()) {
            throw InvalidSearchException.query("names unknown field(s) " + String.join(", ", unknown)
                    + ": use " + String.join(", ", QUERYABLE) + ", or put a word with a colon in quotes (" + EXAMPLE + ").");
        }
    }

    /** "NOT x" alone means "everything but x", as in Elasticsearch, rather than nothing. */
    private static Query matchAllWhenOnlyExclusions(Query query) {
        if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(clause -> clause.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bool.clauses().forEach(builder::add);
            return builder.build();
        }
        return query;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static Set<String> queryableFields() {
        Set<String> fields = new TreeSet<>(ArticleFields.TEXT_FIELDS);
        fields.addAll(ArticleFields.KEYWORD_FIELDS);
        fields.addAll(ArticleFields.NUMERIC_FIELDS);
        return fields;
    }

    /**
     * Classic syntax, except that numeric fields get point queries instead of term queries, and regular
     * expressions, wildcards and fuzzy terms too costly to search are refused.
     */
    private static final class NumericAwareParser extends MultiFieldQueryParser {

        NumericAwareParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
            super(fields, analyzer, boosts);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (field != null && ArticleFields.NUMERIC_FIELDS.contains(field)) {
                return NumericRanges.range(field, part1, part2, startInclusive, endInclusive);
            }
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && ArticleFields.NUMERIC_FIELDS.contains(field)) {
                return NumericRanges.exact(field, queryText);
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            Matcher repeat = REPEAT_COUNTS.matcher(termStr);
            while (repeat.find()) {
                if (count(repeat.group(1)) > MAX_REPEAT || count(repeat.group(2)) > MAX_REPEAT) {
                    throw tooComplex(termStr, "which repeats more than " + MAX_REPEAT
                            + " times: use counts up to " + MAX_REPEAT + " in {n,m}.");
                }
            }
            try {
                return super.getRegexpQuery(field, termStr);
            } catch (TooComplexToDeterminizeException e) {
                throw tooComplexAutomaton(termStr);
            } catch (IllegalArgumentException e) {
                // RegExp's own syntax errors and its limit on the size of a finite automaton
                throw tooComplex(termStr, "which is not a regular expression Lucene can search: "
                        + firstLine(e.getMessage()) + ". Fix it, or escape the slashes (\\/) to search for the text.");
            }
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            try {
                return super.getWildcardQuery(field, termStr);
            } catch (TooComplexToDeterminizeException e) {
                throw tooComplexAutomaton(termStr);
            }
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            if (termStr.length() > MAX_FUZZY_TERM_LENGTH) {
                throw tooComplex(termStr, "a fuzzy term longer than " + MAX_FUZZY_TERM_LENGTH
                        + " characters: drop the ~ or shorten the word.");
            }
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        private static InvalidSearchException tooComplexAutomaton(String termStr) {
            return tooComplex(termStr, "which is too complex to search (it would take more than "
                    + Operations.DEFAULT_DETERMINIZE_WORK_LIMIT + " steps to compile): use fewer wildcards, "
                    + "alternatives and repetitions, or a longer literal start.");
        }

        private static int count(String digits) {
            if (digits == null || digits.isEmpty()) {
                return 0;
            }
            return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }
    }
}
