package org.newslens.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Ingests an NDJSON stream of articles in batches, one transaction per batch, reporting each line's
 * result only after its batch committed. A bad line is rejected with its reason; the lines around it
 * are stored. Memory stays bounded by the batch size, whatever the stream's length.
 */
@ApplicationScoped
public class BulkIngestor {

    private static final Logger LOG = Logger.getLogger(BulkIngestor.class);

    private final ArticleValidator validator;
    private final ArticleIngestor ingestor;
    private final ObjectMapper json;
    private final IngestConfig config;

    BulkIngestor(ArticleValidator validator, ArticleIngestor ingestor, ObjectMapper json, IngestConfig config) {
        this.validator = validator;
        this.ingestor = ingestor;
        this.json = json;
        this.config = config;
    }

    public void ingest(InputStream ndjson, Consumer<BulkLineResult> results) throws IOException {
        NdjsonLineReader reader = new NdjsonLineReader(ndjson, 2 * config.maxHtmlBytes());
        List<PendingLine> batch = new ArrayList<>();
        NdjsonLineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.text() != null && line.text().isEmpty()) {
                continue;
            }
            batch.add(parse(line));
            if (batch.size() == config.bulkBatchSize()) {
                store(batch, results);
            }
        }
        store(batch, results);
    }

    /** A line waiting for its batch to commit: a draft to store, or its rejection. */
    private record PendingLine(int number, ArticleDraft draft, BulkLineResult rejection) {
    }

    private PendingLine parse(NdjsonLineReader.Line line) {
        if (line.problem() != null) {
            return rejected(line, "malformed-json", line.problem(), null);
        }
        try {
            JsonNode node = json.readTree(line.text());
            if (node == null || !node.isObject()) {
                return rejected(line, "malformed-json",
                        "The line is not a JSON object. Send one article object per line, e.g. {\"title\": \"…\", \"text\": \"…\"}.", null);
            }
            return new PendingLine(line.number(), validator.validate(json.treeToValue(node, NewArticle.class)), null);
        } catch (JsonProcessingException e) {
            return rejected(line, "malformed-json", "The line is not valid JSON (" + e.getOriginalMessage() + ").", null);
        } catch (InvalidArticleException e) {
            return rejected(line, e.tooLarge() ? "too-large" : "invalid-field", e.getMessage(), e.field());
        }
    }

    private static PendingLine rejected(NdjsonLineReader.Line line, String kind, String detail, String field) {
        return new PendingLine(line.number(), null, BulkLineResult.rejected(line.number(), kind, detail, field));
    }

    /** Stores the batch's drafts in one transaction, then reports every line of the batch in order. */
    private void store(List<PendingLine> batch, Consumer<BulkLineResult> results) {
        List<ArticleDraft> drafts = batch.stream().map(PendingLine::draft).filter(Objects::nonNull).toList();
        List<IngestOutcome> outcomes = null;
        if (!drafts.isEmpty()) {
            try {
                outcomes = ingestor.storeAll(drafts);
            } catch (Exception batchFailed) {
                LOG.warnf(batchFailed, "A batch of %d articles failed; storing them one by one", drafts.size());
            }
        }
        int next = 0;
        for (PendingLine pending : batch) {
            if (pending.rejection() != null) {
                results.accept(pending.rejection());
            } else if (outcomes != null) {
                results.accept(BulkLineResult.stored(pending.number(), outcomes.get(next++)));
            } else {
                results.accept(storeOne(pending.number(), pending.draft()));
            }
        }
        batch.clear();
    }

    private BulkLineResult storeOne(int line, ArticleDraft draft) {
        try {
            return BulkLineResult.stored(line, ingestor.storeAll(List.of(draft)).get(0));
        } catch (Exception e) {
            LOG.errorf(e, "Line %d could not be stored", line);
            return BulkLineResult.rejected(line, "internal-error",
                    "The article could not be stored on our side and nothing was written for it. Send the line again.", null);
        }
    }
}
