package org.newslens.query.search;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.newslens.query.index.ArticleFields;

/**
 * The two orders hits come in, each ending in the article id so that the order is total and a cursor
 * (the last hit's sort values) says exactly where the next page starts.
 */
final class SearchSorts {

    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, idOrder());
    private static final Sort NEWEST_FIRST = new Sort(newestFirst(), idOrder());

    private SearchSorts() {
    }

    static Sort of(SortOrder order) {
        return order == SortOrder.DATE ? NEWEST_FIRST : RELEVANCE;
    }

    /**
     * Where to search after. Equal sort values mean the same article (the id is unique), which the last
     * doc of the reader makes sure is skipped.
     */
    static FieldDoc after(SearchCursor cursor, int maxDoc) {
        Object[] fields = cursor.sort() == SortOrder.DATE
                ? new Object[]{cursor.published(), cursor.id()}
                : new Object[]{cursor.score(), cursor.id()};
        return new FieldDoc(Math.max(0, maxDoc - 1), cursor.score(), fields);
    }

    static SearchCursor cursorAt(FieldDoc last, SortOrder order) {
        return order == SortOrder.DATE
                ? new SearchCursor(order, last.score, (Long) last.fields[0], (Long) last.fields[1])
                : new SearchCursor(order, (Float) last.fields[0], 0, (Long) last.fields[1]);
    }

    private static SortField newestFirst() {
        SortField published = new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG, true);
        published.setMissingValue(Long.MIN_VALUE);
        return published;
    }

    private static SortField idOrder() {
        return new SortField(ArticleFields.ID_ORDER, SortField.Type.LONG);
    }
}
