package org.newslens.query.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.StoredFields;
import org.newslens.query.index.ArticleDocuments;
import org.newslens.query.index.ArticleFields;

import java.io.IOException;

/**
 * Streams every matching article, newest first, in pages read with search-after on one point-in-time
 * searcher, so memory stays flat however many articles match.
 */
final class ArticleExporter {

    static final int PAGE = 500;

    private ArticleExporter() {
    }

    static long export(IndexSearcher searcher, Query query, SearchBackend.ExportSink sink) throws IOException {
        StoredFields stored = searcher.storedFields();
        FieldDoc after = null;
        long written = 0;
        while (true) {
            TopDocs page = after == null
                    ? searcher.search(query, PAGE, SearchSorts.of(SortOrder.DATE))
                    : searcher.searchAfter(after, query, PAGE, SearchSorts.of(SortOrder.DATE));
            for (ScoreDoc hit : page.scoreDocs) {
                sink.accept(exported(stored.document(hit.doc)));
                written++;
            }
            if (page.scoreDocs.length < PAGE) {
                return written;
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    private static ExportedArticle exported(Document doc) {
        return new ExportedArticle(ArticleDocuments.id(doc), doc.get(ArticleFields.TITLE), doc.get(ArticleFields.URL),
                ArticleDocuments.publishedAt(doc), doc.get(ArticleFields.SOURCE), doc.get(ArticleFields.LANG),
                ArticleDocuments.authors(doc), ArticleDocuments.nearDuplicate(doc), ArticleDocuments.toneScore(doc),
                ArticleDocuments.toneLabel(doc), ArticleDocuments.topEntities(doc), ArticleDocuments.analysisJson(doc));
    }
}
