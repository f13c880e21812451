package org.newslens.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words so frequent in an index's articles that a phrase of two of them would have to check the
 * positions of a large part of the index ("of the", or two common words of any language). Each pair of
 * adjacent common words is indexed as one term ({@link ArticleFields#WORD_PAIRS}), so such a phrase is
 * one posting list. Chosen once per index from a sample of its articles and kept in its commits, so
 * every document of an index is paired by the same words.
 */
public final class CommonWords {

    /** No common words, chosen from no articles: an index that pairs nothing, and phrases that all check positions. */
    public static final CommonWords NONE = new CommonWords(new TreeSet<>(), 0);

    /** How many articles a sample should hold; the first articles of the change feed are taken. */
    public static final int SAMPLE_ARTICLES = 2000;
    /** A smaller sample says too little about the corpus to choose from: its index pairs no words. */
    static final int MIN_SAMPLE_ARTICLES = 1000;
    /** A word in at least this share of the sampled articles is common. */
    static final double MIN_ARTICLE_SHARE = 0.1;
    /** At most this many words, the most widespread: each adds pairs to every article that has it. */
    static final int MAX_WORDS = 256;

    private final TreeSet<String> words;
    private final CharArraySet lookup;
    private final int sampledArticles;

    private CommonWords(TreeSet<String> words, int sampledArticles) {
        this.words = words;
        this.lookup = CharArraySet.unmodifiableSet(new CharArraySet(words, false));
        this.sampledArticles = sampledArticles;
    }

    /** Exactly these words, as the analyzer writes them (lower case, accents folded), as if from a full sample. */
    public static CommonWords of(String... words) {
        return new CommonWords(new TreeSet<>(Arrays.asList(words)), SAMPLE_ARTICLES);
    }

    /**
     * The words in at least {@link #MIN_ARTICLE_SHARE} of {@code articleTexts} (each an article's title and
     * text), as {@code analyzer} splits the text field; none for fewer than {@link #MIN_SAMPLE_ARTICLES}
     * articles.
     */
    public static CommonWords choose(List<String> articleTexts, Analyzer analyzer) {
        if (articleTexts.size() < MIN_SAMPLE_ARTICLES) {
            return new CommonWords(new TreeSet<>(), articleTexts.size());
        }
        Map<String, Integer> articlesWith = new HashMap<>();
        for (String text : articleTexts) {
            wordsOf(text, analyzer).forEach(word -> articlesWith.merge(word, 1, Integer::sum));
        }
        int minArticles = (int) Math.ceil(MIN_ARTICLE_SHARE * articleTexts.size());
        TreeSet<String> common = new TreeSet<>();
        articlesWith.entrySet().stream()
                .filter(entry -> entry.getValue() >= minArticles)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_WORDS)
                .forEach(entry -> common.add(entry.getKey()));
        return new CommonWords(common, articleTexts.size());
    }

    /** Reads {@link #encode()}'s form; {@link #NONE} for an empty string. */
    static CommonWords decode(String encoded) {
        if (encoded.isEmpty()) {
            return NONE;
        }
        String[] parts = encoded.split(" ");
        return new CommonWords(new TreeSet<>(Arrays.asList(parts).subList(1, parts.length)), Integer.parseInt(parts[0]));
    }

    /** The number of sampled articles, then the words, separated by spaces: the analyzer never leaves one in a word. */
    String encode() {
        return sampledArticles + (words.isEmpty() ? "" : " " + String.join(" ", words));
    }

    /** Whether these were chosen from too few articles to tell which words are common: none were. */
    boolean chosenFromTooFewArticles() {
        return sampledArticles < MIN_SAMPLE_ARTICLES;
    }

    public boolean contains(String word) {
        return lookup.contains(word);
    }

    boolean contains(char[] word, int length) {
        return lookup.contains(word, 0, length);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    int size() {
        return words.size();
    }

    private static Set<String> wordsOf(String text, Analyzer analyzer) {
        Set<String> words = new HashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(ArticleFields.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing text in memory cannot fail", e);
        }
        return words;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommonWords that && words.equals(that.words) && sampledArticles == that.sampledArticles;
    }

    @Override
    public int hashCode() {
        return words.hashCode() * 31 + sampledArticles;
    }

    @Override
    public String toString() {
        return words.size() + " common words of " + sampledArticles + " sampled articles";
    }
}
