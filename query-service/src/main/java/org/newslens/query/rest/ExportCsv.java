package org.newslens.query.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newslens.query.index.EntitySummary;
import org.newslens.query.search.ExportedArticle;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes exported articles as RFC 4180 CSV: a header row, CRLF line ends, and any field holding a
 * comma, quote or line break wrapped in quotes with its quotes doubled. List cells are joined with "; ".
 * Text that a spreadsheet would run as a formula (a title such as {@code =HYPERLINK(...)}) is written
 * with a leading apostrophe, as OWASP advises against CSV injection; numbers are written as they are.
 */
final class ExportCsv {

    static final String HEADER = "id,published_at,source,language,url,title,authors,near_duplicate,tone,tone_label,"
            + "entities,framing,keyphrases,quotes";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** First characters that make Excel, LibreOffice or Google Sheets evaluate a cell. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private ExportCsv() {
    }

    static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    static void writeRow(Writer out, ExportedArticle article) throws IOException {
        JsonNode analysis = article.analysisJson() == null ? JSON.nullNode() : JSON.readTree(article.analysisJson());
        Set<String> framing = new LinkedHashSet<>();
        analysis.path("framing").forEach(marker -> framing.add(marker.path("category").asText()));
        List<String> keyphrases = new ArrayList<>();
        analysis.path("keyphrases").forEach(phrase -> keyphrases.add(phrase.path("text").asText()));
        List<String> cells = List.of(
                Long.toString(article.id()),
                article.publishedAt() == null ? "" : article.publishedAt().toString(),
                nullToEmpty(article.source()),
                nullToEmpty(article.language()),
                nullToEmpty(article.url()),
                nullToEmpty(article.title()),
                String.join("; ", article.authors()),
                Boolean.toString(article.nearDuplicate()),
                article.toneScore() == null ? "" : article.toneScore().toString(),
                nullToEmpty(article.toneLabel()),
                String.join("; ", article.entities().stream().map(EntitySummary::canonical).toList()),
                String.join("; ", framing),
                String.join("; ", keyphrases),
                Integer.toString(analysis.path("quotes").size()));
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String value) {
        String cell = inert(value);
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** {@code value}, with an apostrophe before it when a spreadsheet would read it as a formula. */
    private static String inert(String value) {
        if (value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0 || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
