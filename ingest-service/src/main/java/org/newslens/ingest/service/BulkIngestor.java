package org.newslens.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.context.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Ingests an NDJSON stream of articles in batches, one transaction per batch, reporting each line's
 * result only after its batch committed. A bad line is rejected with its reason; the lines around it
 * are stored. Memory stays bounded by two batches, whatever the stream's length: the one being stored
 * and the one being read.
 */
@ApplicationScoped
public class BulkIngestor {

    private static final Logger LOG = Logger.getLogger(BulkIngestor.class);

    private final ArticleValidator validator;
    private final ArticleIngestor ingestor;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final AgroalDataSource dataSource;
    private final ArticleMetrics metrics;
    /**
     * Stores one batch per stream while the stream's next batch is read. Tasks run in the trace context of
     * the request that submitted them, which the batch's enrichment jobs carry on.
     */
    private final ExecutorService storer = Context.taskWrapping(Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bulk-ingest-storer");
        thread.setDaemon(true);
        return thread;
    }));

    BulkIngestor(ArticleValidator validator, ArticleIngestor ingestor, ObjectMapper json, IngestConfig config,
                 AgroalDataSource dataSource, ArticleMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.validator = validator;
        this.ingestor = ingestor;
        this.json = json;
        this.config = config;
    }

    public void ingest(InputStream ndjson, Consumer<BulkLineResult> results) throws IOException {
        NdjsonLineReader reader = new NdjsonLineReader(ndjson, 2 * config.maxHtmlBytes());
        Future<List<BulkLineResult>> storing = null;
        List<PendingLine> batch = new ArrayList<>();
        NdjsonLineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.text() != null && line.text().isEmpty()) {
                continue;
            }
            batch.add(parse(line));
            if (batch.size() == config.bulkBatchSize()) {
                storing = storeNext(storing, batch, results);
                batch = new ArrayList<>();
            }
        }
        report(storeNext(storing, batch, results), results);
    }

    /**
     * Reports the batch being stored once it has committed, then starts storing the next one, so the
     * lines after it are read and checked while PostgreSQL writes it.
     */
    private Future<List<BulkLineResult>> storeNext(Future<List<BulkLineResult>> storing, List<PendingLine> batch,
                                                   Consumer<BulkLineResult> results) throws IOException {
        if (storing != null) {
            report(storing, results);
        }
        return storer.submit(() -> store(batch));
    }

    private void report(Future<List<BulkLineResult>> storing, Consumer<BulkLineResult> results) throws IOException {
        try {
            for (BulkLineResult result : storing.get()) {
                metrics.bulkLine(result);
                results.accept(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while a batch was being stored");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Storing a batch failed", e.getCause());
        }
    }

    /**
     * Fails with the driver's error when the database cannot be reached, so that a bulk request is
     * answered 503 before its stream of results (and its 200) starts.
     */
    public void requireDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    @PreDestroy
    void stop() {
        storer.shutdown();
    }

    /** A line waiting for its batch to commit: a draft to store, or its rejection. */
    private record PendingLine(int number, ArticleDraft draft, BulkLineResult rejection) {
    }

    private PendingLine parse(NdjsonLineReader.Line line) {
        if (line.problem() != null) {
            return rejected(line, "malformed-json", line.problem(), null);
        }
        try {
            if (!line.text().startsWith("{")) {
                return rejected(line, "malformed-json",
                        "The line is not a JSON object. Send one article object per line, e.g. {\"title\": \"…\", \"text\": \"…\"}.", null);
            }
            return new PendingLine(line.number(), validator.validate(json.readValue(line.text(), NewArticle.class)), null);
        } catch (JsonProcessingException e) {
            return rejected(line, "malformed-json", "The line is not a valid JSON article (" + e.getOriginalMessage()
                    + "). Each key once, text values as strings, nothing after the object.", JsonFieldPath.of(e));
        } catch (InvalidInputException e) {
            return rejected(line, e.tooLarge() ? "too-large" : "invalid-field", e.getMessage(), e.field());
        }
    }

    private PendingLine rejected(NdjsonLineReader.Line line, String kind, String detail, String field) {
        metrics.rejected();
        return new PendingLine(line.number(), null, BulkLineResult.rejected(line.number(), kind, detail, field));
    }

    /** Stores the batch's drafts in one transaction; the results of every line of the batch, in order. */
    private List<BulkLineResult> store(List<PendingLine> batch) {
        List<ArticleDraft> drafts = batch.stream().map(PendingLine::draft).filter(Objects::nonNull).toList();
        List<IngestOutcome> outcomes = null;
        boolean databaseUnavailable = false;
        if (!drafts.isEmpty()) {
            try {
                outcomes = ingestor.storeAll(drafts);
            } catch (Exception batchFailed) {
                databaseUnavailable = DatabaseFailures.isUnavailable(batchFailed);
                LOG.warnf("A batch of %d articles failed (%s); %s", drafts.size(), DatabaseFailures.describe(batchFailed),
                        databaseUnavailable ? "its lines are answered database-unavailable" : "storing them one by one");
            }
        }
        List<BulkLineResult> results = new ArrayList<>(batch.size());
        int next = 0;
        for (PendingLine pending : batch) {
            if (pending.rejection() != null) {
                results.add(pending.rejection());
            } else if (outcomes != null) {
                results.add(BulkLineResult.stored(pending.number(), outcomes.get(next++)));
            } else if (databaseUnavailable) {
                results.add(databaseUnavailable(pending.number()));
            } else {
                results.add(storeOne(pending.number(), pending.draft()));
            }
        }
        return results;
    }

    private BulkLineResult storeOne(int line, ArticleDraft draft) {
        try {
            return BulkLineResult.stored(line, ingestor.storeAll(List.of(draft)).get(0));
        } catch (Exception e) {
            if (DatabaseFailures.isUnavailable(e)) {
                return databaseUnavailable(line);
            }
            // the type and SQLState only: driver messages can carry the article's text
            LOG.errorf("Line %d could not be stored (%s)", line, DatabaseFailures.describe(e));
            return BulkLineResult.rejected(line, "internal-error",
                    "The article could not be stored on our side and nothing was written for it. Send the line again "
                            + "later; if it fails again, report it.", null);
        }
    }

    /** Nothing of the line was committed; unlike a rejection, the same line succeeds once the database is back. */
    private static BulkLineResult databaseUnavailable(int line) {
        return BulkLineResult.rejected(line, "database-unavailable", "The database is not reachable right now; nothing "
                + "was stored for this line. Send it again unchanged in a few seconds.", null);
    }
}
