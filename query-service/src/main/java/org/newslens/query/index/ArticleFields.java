package org.newslens.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Lucene schema of an article: field names and how each is analysed. Query field names are the
 * index field names, so a user's {@code person:"antony blinken"} needs no translation.
 */
public final class ArticleFields {

    /** Bump when documents change shape: an index built under another version is rebuilt on start. */
    static final String SCHEMA_VERSION = "3";

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
    public static final String TONE = "tone";
    public static final String TONE_LABEL = "tone_label";
    public static final String FRAMING = "framing";
    public static final String KEYPHRASE = "keyphrase";
    public static final String AUTHOR = "author";
    public static final String NEAR_DUPLICATE = "near_duplicate";
    /** The article's embedding (384 floats, unit length), searched by dot product. */
    public static final String VECTOR = "vector";
    /** The article id as doc values: the tiebreak that makes every sort, and so every cursor, total. */
    public static final String ID_ORDER = "id_order";
    /** nlp-service's whole analysis JSON, stored for hits and exports. */
    public static final String ANALYSIS = "analysis";
    /** Each pair of adjacent common words of the title, as one term ("of the"): see {@link #WORD_PAIRS}. */
    public static final String TITLE_PAIRS = "title.pairs";
    /** Each pair of adjacent common words of the text, as one term. */
    public static final String TEXT_PAIRS = "text.pairs";
    static final String TOP_ENTITIES = "top_entities";
    static final String FACET_PREFIX = "facet.";

    public static final int VECTOR_DIMENSIONS = 384;

    /** Analysed full-text fields: words, case- and accent-insensitive, no stop words so phrases stay exact. */
    public static final Set<String> TEXT_FIELDS = Set.of(TITLE, TEXT, KEYPHRASE);

    /**
     * Full-text fields with a companion field of the pairs of adjacent {@link CommonWords} (as Lucene's
     * CommonGrams): an exact phrase of common words is looked up as pair terms instead of verified position
     * by position in most of the index, so it costs what one term does. A phrase with a rarer word is
     * cheap to verify anyway: few articles hold that word. Not queryable by name.
     */
    public static final Map<String, String> WORD_PAIRS = Map.of(TITLE, TITLE_PAIRS, TEXT, TEXT_PAIRS);

    /** Separates the two words of a pair term. */
    public static final String PAIR_SEPARATOR = " ";

    /** Whole-value fields: a filter matches the complete value, case- and accent-insensitively. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ENTITY, PERSON, ORG, PLACE, SOURCE, LANG, ENTITY_ID,
            TONE_LABEL, FRAMING, AUTHOR, NEAR_DUPLICATE);

    /** Numeric fields, queried with ranges: {@code tone:[-1 TO -0.2]}, {@code published:[2023-11-01 TO *]}. */
    public static final Set<String> NUMERIC_FIELDS = Set.of(TONE, PUBLISHED);

    /**
     * Fields that can be counted over a match set: entities (as {@link EntityFacetValue}), sources, languages
     * and framing categories. Values live in doc values under {@link #facetField(String)}.
     */
    public static final Set<String> FACETS = Set.of(ENTITY, PERSON, ORG, PLACE, SOURCE, LANG, FRAMING);

    /** Facets whose values are entities, kept as {@link EntityFacetValue}s. */
    public static final Set<String> ENTITY_FACETS = Set.of(ENTITY, PERSON, ORG, PLACE);

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

    public static String facetField(String facet) {
        return FACET_PREFIX + facet;
    }

    /**
     * One analyzer for indexing and querying, so both sides normalise text the same way. The pairs fields
     * pair the words {@code commonWords} gives when each document is analysed.
     */
    static Analyzer analyzer(Supplier<CommonWords> commonWords) {
        Map<String, Analyzer> perField = new HashMap<>();
        KEYWORD_FIELDS.forEach(field -> perField.put(field, new FoldingAnalyzer(true, FRAMING.equals(field))));
        Analyzer pairs = new CommonWordPairsAnalyzer(commonWords);
        WORD_PAIRS.values().forEach(field -> perField.put(field, pairs));
        return new PerFieldAnalyzerWrapper(new FoldingAnalyzer(false, false), perField);
    }

    private static final class FoldingAnalyzer extends Analyzer {

        /** Framing categories are written with hyphens (loaded-label); users also type loaded_label. */
        private static final Pattern UNDERSCORE = Pattern.compile("_");

        private final boolean wholeValue;
        private final boolean underscoreIsHyphen;

        FoldingAnalyzer(boolean wholeValue, boolean underscoreIsHyphen) {
            this.wholeValue = wholeValue;
            this.underscoreIsHyphen = underscoreIsHyphen;
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

        private TokenStream fold(TokenStream in) {
            TokenStream folded = foldWords(in);
            return underscoreIsHyphen ? new PatternReplaceFilter(folded, UNDERSCORE, "-", true) : folded;
        }
    }

    private static TokenStream foldWords(TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** The words of the full-text fields, folded the same way, then paired by {@link CommonWordPairsFilter}. */
    private static final class CommonWordPairsAnalyzer extends Analyzer {

        private final Supplier<CommonWords> commonWords;

        CommonWordPairsAnalyzer(Supplier<CommonWords> commonWords) {
            this.commonWords = commonWords;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new CommonWordPairsFilter(foldWords(source), commonWords));
        }
    }
}
