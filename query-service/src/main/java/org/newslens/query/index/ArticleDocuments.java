package org.newslens.query.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import static org.newslens.query.index.ArticleFields.*;

/** Maps articles to Lucene documents and stored fields back to values: the one place that knows the layout. */
public final class ArticleDocuments {

    /** Entities stored with each hit, most mentioned first. */
    static final int TOP_ENTITIES_STORED = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<EntitySummary>> SUMMARIES = new TypeReference<>() {
    };

    /** Stored for snippets, with offsets in the postings so the UnifiedHighlighter needs no re-analysis. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    /** Pairs of adjacent common words: matched and counted, never positioned, highlighted or stored. */
    private static final FieldType PAIRS_TYPE = new FieldType();

    static {
        PAIRS_TYPE.setTokenized(true);
        PAIRS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        PAIRS_TYPE.freeze();
    }

    private ArticleDocuments() {
    }

    static Document toDocument(ArticleDocument article, Analyzer analyzer) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new TextField(TITLE, article.title(), Field.Store.YES));
        doc.add(new Field(TEXT, article.text(), TEXT_WITH_OFFSETS));
        doc.add(new Field(TITLE_PAIRS, article.title(), PAIRS_TYPE));
        doc.add(new Field(TEXT_PAIRS, article.text(), PAIRS_TYPE));
        if (article.url() != null) {
            doc.add(new StoredField(URL, article.url()));
        }
        addKeyword(doc, analyzer, SOURCE, article.source());
        addKeyword(doc, analyzer, LANG, article.language());
        if (article.publishedAt() != null) {
            long millis = article.publishedAt().toEpochMilli();
            doc.add(new LongPoint(PUBLISHED, millis));
            doc.add(new NumericDocValuesField(PUBLISHED, millis));
            doc.add(new StoredField(PUBLISHED, millis));
        }
        doc.add(new NumericDocValuesField(ID_ORDER, article.id()));
        for (IndexedEntity entity : article.entities()) {
            addEntity(doc, analyzer, entity);
        }
        doc.add(new StoredField(TOP_ENTITIES, topEntitiesJson(article.entities())));
        addFacet(doc, SOURCE, article.source());
        addFacet(doc, LANG, article.language());
        for (String author : article.authors()) {
            addKeyword(doc, analyzer, AUTHOR, author);
        }
        doc.add(new StringField(NEAR_DUPLICATE, Boolean.toString(article.nearDuplicate()), Field.Store.YES));
        addAnalysis(doc, analyzer, article.analysis());
        if (article.embedding() != null && article.embedding().length == VECTOR_DIMENSIONS) {
            doc.add(new KnnFloatVectorField(VECTOR, unitLength(article.embedding()), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static void addEntity(Document doc, Analyzer analyzer, IndexedEntity entity) {
        doc.add(new StringField(ENTITY_ID, Long.toString(entity.id()), Field.Store.NO));
        addKeyword(doc, analyzer, ENTITY, entity.canonical());
        String facetValue = new EntityFacetValue(entity.id(), entity.type(), entity.canonical()).encode();
        addFacet(doc, ENTITY, facetValue);
        typeField(entity.type()).ifPresent(field -> {
            addKeyword(doc, analyzer, field, entity.canonical());
            addFacet(doc, field, facetValue);
        });
        for (String alias : entity.aliases()) {
            addFilterOnly(doc, analyzer, ENTITY, alias);
            typeField(entity.type()).ifPresent(field -> addFilterOnly(doc, analyzer, field, alias));
        }
    }

    private static void addAnalysis(Document doc, Analyzer analyzer, ArticleAnalysis analysis) {
        if (analysis.toneScore() != null) {
            double tone = analysis.toneScore();
            doc.add(new DoublePoint(TONE, tone));
            doc.add(new DoubleDocValuesField(TONE, tone));
            doc.add(new StoredField(TONE, tone));
        }
        addKeyword(doc, analyzer, TONE_LABEL, analysis.toneLabel());
        for (String category : new LinkedHashSet<>(analysis.framingCategories())) {
            addFilterOnly(doc, analyzer, FRAMING, category);
            addFacet(doc, FRAMING, category);
        }
        for (String keyphrase : analysis.keyphrases()) {
            doc.add(new TextField(KEYPHRASE, keyphrase, Field.Store.NO));
        }
        if (analysis.json() != null) {
            doc.add(new StoredField(ANALYSIS, analysis.json()));
        }
    }

    /** DOT_PRODUCT needs unit vectors; nlp-service sends them normalised, this guards against drift. */
    public static float[] unitLength(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    public static long id(Document doc) {
        return Long.parseLong(doc.get(ID));
    }

    public static Instant publishedAt(Document doc) {
        IndexableField field = doc.getField(PUBLISHED);
        return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
    }

    /** The article's overall tone, or null when it was enriched before tone was analysed. */
    public static Double toneScore(Document doc) {
        IndexableField field = doc.getField(TONE);
        return field == null ? null : field.numericValue().doubleValue();
    }

    public static String toneLabel(Document doc) {
        return doc.get(TONE_LABEL);
    }

    /** nlp-service's analysis JSON as stored, or null. */
    public static String analysisJson(Document doc) {
        return doc.get(ANALYSIS);
    }

    public static List<String> authors(Document doc) {
        return List.of(doc.getValues(AUTHOR));
    }

    public static boolean nearDuplicate(Document doc) {
        return Boolean.parseBoolean(doc.get(NEAR_DUPLICATE));
    }

    public static List<EntitySummary> topEntities(Document doc) {
        try {
            return JSON.readValue(doc.get(TOP_ENTITIES), SUMMARIES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Index document " + doc.get(ID) + " has unreadable entities", e);
        }
    }

    /** Indexed normalised for filtering; the display value is stored under the same name for hits. */
    private static void addKeyword(Document doc, Analyzer analyzer, String field, String value) {
        if (value != null && !value.isBlank()) {
            addFilterOnly(doc, analyzer, field, value);
            doc.add(new StoredField(field, value));
        }
    }

    private static void addFacet(Document doc, String facet, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesField(facetField(facet), new BytesRef(value)));
        }
    }

    private static void addFilterOnly(Document doc, Analyzer analyzer, String field, String value) {
        doc.add(new StringField(field, analyzer.normalize(field, value.strip()), Field.Store.NO));
    }

    private static String topEntitiesJson(List<IndexedEntity> entities) {
        List<EntitySummary> top = entities.stream()
                .limit(TOP_ENTITIES_STORED)
                .map(e -> new EntitySummary(e.id(), e.canonical(), e.type()))
                .toList();
        try {
            return JSON.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Entity summaries are plain records and always serialise", e);
        }
    }
}
