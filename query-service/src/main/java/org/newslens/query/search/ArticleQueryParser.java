package org.newslens.query.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.newslens.query.index.ArticleFields;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the user's query: Lucene classic syntax over title and text (title weighs double), terms
 * joined by AND unless OR is written, field filters on the index's keyword fields, and ranges on its
 * numeric ones ({@code tone:<-0.5}, {@code published:[2023-11-01 TO *]}).
 */
final class ArticleQueryParser {

    private static final String[] DEFAULT_FIELDS = {ArticleFields.TITLE, ArticleFields.TEXT};
    private static final Map<String, Float> BOOSTS = Map.of(ArticleFields.TITLE, 2f, ArticleFields.TEXT, 1f);
    private static final Set<String> QUERYABLE = queryableFields();
    private static final String EXAMPLE = "e.g. title:\"climate talks\" AND person:\"antony blinken\" NOT lang:de";

    private ArticleQueryParser() {
    }

    /** The Lucene query for {@code q}; every article when {@code q} is null or blank. */
    static Query parse(String q, Analyzer analyzer) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        MultiFieldQueryParser parser = new NumericAwareParser(DEFAULT_FIELDS, analyzer, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query query;
        try {
            query = parser.parse(ComparisonRewriter.toRanges(q));
        } catch (ParseException e) {
            throw InvalidSearchException.query("is not a valid query: " + firstLine(e.getMessage())
                    + ". Close every quote and parenthesis, and escape special characters with \\ (" + EXAMPLE + ").");
        }
        rejectUnknownFields(query);
        return matchAllWhenOnlyExclusions(query);
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

    /** Classic syntax, except that numeric fields get point queries instead of term queries. */
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
    }
}
