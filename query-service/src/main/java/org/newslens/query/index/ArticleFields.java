package org.newslens.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Lucene schema of an article: field names and how each is analysed. Query field names are the
 * index field names, so a user's {@code person:"antony blinken"} needs no translation.
 */
public final class ArticleFields {

    /** Bump when documents change shape: an index built under another version is rebuilt on start. */
    static final String SCHEMA_VERSION = "1";

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    public static final String LANG = "lang";
    public static final String PUBLISHED = "published";
    public static final String ENTITY_ID = "entity_id";
    public static final String ENTITY = "entity";
    public static final String PERSON = "person";
    public static final String ORG = "org";
    public static final String PLACE = "place";
    static final String TOP_ENTITIES = "top_entities";

    /** Analysed full-text fields: words, case- and accent-insensitive, no stop words so phrases stay exact. */
    public static final Set<String> TEXT_FIELDS = Set.of(TITLE, TEXT);

    /** Whole-value fields: a filter matches the complete value, case- and accent-insensitively. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ENTITY, PERSON, ORG, PLACE, SOURCE, LANG, ENTITY_ID);

    private ArticleFields() {
    }

    /** The keyword field for an nlp.entities type; MISC entities are only in {@link #ENTITY}. */
    static Optional<String> typeField(String entityType) {
        return switch (entityType) {
            case "PERSON" -> Optional.of(PERSON);
            case "ORGANIZATION" -> Optional.of(ORG);
            case "LOCATION" -> Optional.of(PLACE);
            default -> Optional.empty();
        };
    }

    /** One analyzer for indexing and querying, so both sides normalise text the same way. */
    static Analyzer analyzer() {
        Map<String, Analyzer> keywords = KEYWORD_FIELDS.stream()
                .collect(Collectors.toMap(Function.identity(), field -> new FoldingAnalyzer(true)));
        return new PerFieldAnalyzerWrapper(new FoldingAnalyzer(false), keywords);
    }

    private static final class FoldingAnalyzer extends Analyzer {

        private final boolean wholeValue;

        FoldingAnalyzer(boolean wholeValue) {
            this.wholeValue = wholeValue;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = wholeValue ? new KeywordTokenizer() : new StandardTokenizer();
            return new TokenStreamComponents(source, fold(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return fold(in);
        }

        private static TokenStream fold(TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
