package org.newslens.query.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;

import java.io.UncheckedIOException;
import java.time.Instant;
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

    private ArticleDocuments() {
    }

    static Document toDocument(ArticleDocument article, Analyzer analyzer) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new TextField(TITLE, article.title(), Field.Store.YES));
        doc.add(new Field(TEXT, article.text(), TEXT_WITH_OFFSETS));
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
        for (IndexedEntity entity : article.entities()) {
            doc.add(new StringField(ENTITY_ID, Long.toString(entity.id()), Field.Store.NO));
            addKeyword(doc, analyzer, ENTITY, entity.canonical());
            typeField(entity.type()).ifPresent(field -> addKeyword(doc, analyzer, field, entity.canonical()));
            for (String alias : entity.aliases()) {
                addFilterOnly(doc, analyzer, ENTITY, alias);
                typeField(entity.type()).ifPresent(field -> addFilterOnly(doc, analyzer, field, alias));
            }
        }
        doc.add(new StoredField(TOP_ENTITIES, topEntitiesJson(article.entities())));
        return doc;
    }

    public static long id(Document doc) {
        return Long.parseLong(doc.get(ID));
    }

    public static Instant publishedAt(Document doc) {
        IndexableField field = doc.getField(PUBLISHED);
        return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
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
