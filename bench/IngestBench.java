import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Benchmark client for NewsLens bulk NDJSON ingestion (POST /api/v1/articles/bulk), with a PostgreSQL
 * COPY of the same rows as the baseline measured in the same run. Java single-file source program; its
 * only dependency is the PostgreSQL JDBC driver:
 *
 * <pre>
 *   java -cp "local-postgres/target/lib/*" bench/IngestBench.java --ingest-url http://127.0.0.1:8081 \
 *       --jdbc-url jdbc:postgresql://127.0.0.1:5433/newslens [--articles 100000] [--seed 42] \
 *       [--ingest-pid PID] [--postgres-data DIR] [--cores N] [--setup-sql SQL]... [--http-client full-duplex|jdk]
 * </pre>
 *
 * Prints one JSON object on stdout; progress goes to stderr. Exits non-zero when the service's answer
 * does not add up (lines != N, statuses do not sum to N, any rejected line, HTTP error).
 *
 * <p>The articles are generated lazily and deterministically from the seed: article i depends only on
 * (seed, i), so a duplicate of article j regenerates j's body instead of keeping it in memory.
 */
public class IngestBench {

    // ------------------------------------------------------------------------------------------------
    // Options

    static String ingestUrl = "http://127.0.0.1:8081";
    static String jdbcUrl = "jdbc:postgresql://127.0.0.1:5433/newslens";
    static String dbUser = "newslens";
    static String dbPassword = "newslens";
    static int articles = 100000;
    static long seed = 42;
    static long ingestPid = -1;
    static Path postgresData;
    static int cores = Runtime.getRuntime().availableProcessors();
    static String batchSize = "500 (default)";
    static List<String> setupSql = new ArrayList<>();
    static String httpClient = "full-duplex";
    static String ingestPgOptions = "";

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--ingest-url" -> ingestUrl = args[++i];
                case "--jdbc-url" -> jdbcUrl = args[++i];
                case "--db-user" -> dbUser = args[++i];
                case "--db-password" -> dbPassword = args[++i];
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--ingest-pid" -> ingestPid = Long.parseLong(args[++i]);
                case "--postgres-data" -> postgresData = Path.of(args[++i]);
                case "--cores" -> cores = Integer.parseInt(args[++i]);
                case "--batch-size" -> batchSize = args[++i];
                case "--http-client" -> httpClient = args[++i];
                case "--ingest-pg-options" -> ingestPgOptions = args[++i];
                case "--setup-sql" -> {
                    if (!args[++i].isBlank()) {
                        setupSql.add(args[i]);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (value " + value + ")");
            }
        }
        if (articles < 1) {
            throw new IllegalArgumentException("--articles must be at least 1");
        }
        Generator generator = new Generator(seed);
        List<String> failures = new ArrayList<>();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "ingest-bulk");
        out.put("articles", articles);
        out.put("seed", seed);

        // 0. The generator alone: how much of each timing below is the client making its input.
        log("generating %d articles once without sending them (client-side cost, sizes, expected outcomes)", articles);
        CpuSampler.Snapshot g0 = CpuSampler.snapshot();
        long t = System.nanoTime();
        long ndjsonBytes = 0;
        long textBytes = 0;
        long csvBytes = 0;
        int[] expected = new int[Kind.values().length];
        for (int i = 0; i < articles; i++) {
            Article a = generator.article(i);
            ndjsonBytes += a.ndjson().length;
            textBytes += a.text.getBytes(StandardCharsets.UTF_8).length;
            expected[a.kind.ordinal()]++;
        }
        double genSeconds = seconds(t);
        CpuSampler.Snapshot g1 = CpuSampler.snapshot();
        t = System.nanoTime();
        for (int i = 0; i < articles; i++) {
            csvBytes += generator.article(i).csv().length;
        }
        double genCsvSeconds = seconds(t);
        out.put("avg_article_bytes", round(ndjsonBytes / (double) articles, 0));
        out.put("avg_text_bytes", round(textBytes / (double) articles, 0));
        out.put("ndjson_mb", round(ndjsonBytes / 1e6, 1));
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", cores);
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("note", "shared and noisy: compare ratios measured in one run, not absolute figures across runs");
        out.put("machine", machine);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("original", expected[Kind.ORIGINAL.ordinal()]);
        input.put("near_copy", expected[Kind.NEAR_COPY.ordinal()]);
        input.put("same_url", expected[Kind.SAME_URL.ordinal()]);
        input.put("same_body", expected[Kind.SAME_BODY.ordinal()]);
        out.put("input_mix", input);
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("ndjson_seconds", round(genSeconds, 3));
        gen.put("csv_seconds", round(genCsvSeconds, 3));
        gen.put("articles_per_s", round(articles / genSeconds, 0));
        gen.put("cpu", CpuSampler.between(g0, g1));
        out.put("client_generation_only", gen);

        Map<String, Object> postgresSettings = postgresSettings();
        out.put("postgres", postgresSettings);
        out.put("ingest_bulk_batch_size", batchSize);
        if (!ingestPgOptions.isBlank()) {
            out.put("ingest_pg_options", ingestPgOptions); // an experiment: say so in the output
        }
        if (!setupSql.isEmpty()) {
            // an experiment, not the product's configuration: say so in the output
            try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
                for (String sql : setupSql) {
                    log("setup SQL: %s", sql);
                    s.execute(sql);
                }
            }
            out.put("setup_sql", setupSql);
        }

        // 1. Bulk ingest into an empty database.
        log("bulk ingest of %d articles into an empty database", articles);
        Map<String, Object> first = bulk(generator, "bulk_ingest", failures);
        Map<String, Object> expectedOutcome = new LinkedHashMap<>();
        expectedOutcome.put("created", expected[Kind.ORIGINAL.ordinal()]);
        expectedOutcome.put("near_duplicate", expected[Kind.NEAR_COPY.ordinal()]);
        expectedOutcome.put("duplicate", expected[Kind.SAME_URL.ordinal()] + expected[Kind.SAME_BODY.ordinal()]);
        expectedOutcome.put("rejected", 0);
        first.put("expected_by_generator", expectedOutcome);
        first.put("stored_rows", storedRows());
        out.put("bulk_ingest", first);
        long stored = ((Number) first.getOrDefault("created", 0)).longValue()
                + ((Number) first.getOrDefault("near_duplicate", 0)).longValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> rows = (Map<String, Object>) first.get("stored_rows");
        if (!Long.valueOf(stored).equals(rows.get("ingest_articles")) || !Long.valueOf(stored).equals(rows.get("nlp_jobs"))) {
            failures.add("bulk_ingest: created+near_duplicate=" + stored + " but the database holds " + rows);
        }

        // 2. The same input again: every line should come back as a duplicate.
        log("bulk ingest of the same %d articles again (all duplicates)", articles);
        Map<String, Object> again = bulk(generator, "bulk_reingest_all_duplicates", failures);
        if (!Integer.valueOf(articles).equals(again.get("duplicate"))) {
            failures.add("bulk_reingest_all_duplicates: expected " + articles + " duplicates, got " + again.get("duplicate"));
        }
        again.put("stored_rows", storedRows());
        out.put("bulk_reingest_all_duplicates", again);

        // 3. Baseline: COPY of the same rows into a scratch table in the same database.
        log("baseline: COPY of the same %d rows into a scratch table", articles);
        Map<String, Object> copy = copy(generator, csvBytes);
        out.put("postgres_copy", copy);

        double bulkRate = ((Number) first.get("articles_per_s")).doubleValue();
        double reRate = ((Number) again.get("articles_per_s")).doubleValue();
        double copyRate = ((Number) copy.get("rows_per_s")).doubleValue();
        out.put("bulk_vs_copy", round(bulkRate / copyRate, 4));
        out.put("reingest_vs_copy", round(reRate / copyRate, 4));
        out.put("reingest_vs_bulk", round(reRate / bulkRate, 3));
        out.put("goal_articles_per_s", 2000);
        out.put("bulk_vs_goal", round(bulkRate / 2000, 3));
        out.put("failures", failures);

        System.out.println(Json.write(out));
        System.out.flush();
        if (!failures.isEmpty()) {
            for (String failure : failures) {
                log("FAILED: %s", failure);
            }
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Bulk ingest over HTTP

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern LINE = Pattern.compile("\"line\"\\s*:\\s*(\\d+)");
    private static final Pattern SUMMARY_FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*(\\d+)");

    static Map<String, Object> bulk(Generator generator, String name, List<String> failures) throws Exception {
        LineStream body = new LineStream(articles, i -> generator.article(i).ndjson());
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (String s : new String[] {"created", "near_duplicate", "duplicate", "rejected"}) {
            counted.put(s, 0);
        }
        Map<String, Long> summary = new LinkedHashMap<>();
        List<String> rejections = new ArrayList<>();
        // time at which each tenth of the result lines had arrived (results arrive per committed batch)
        int slices = 10;
        double[] sliceAt = new double[slices];
        int resultLines = 0;
        int outOfOrder = 0;
        double firstResultAt = -1;

        CpuSampler.Snapshot c0 = CpuSampler.snapshot();
        long start = System.nanoTime();
        InputStream results = httpClient.equals("jdk") ? postWithJdkClient(body, name) : FullDuplexPost.post(body, name);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(results, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int nextReport = Math.max(1, articles / 10);
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("{\"summary\"")) {
                    Matcher m = SUMMARY_FIELD.matcher(line);
                    while (m.find()) {
                        summary.put(m.group(1), Long.parseLong(m.group(2)));
                    }
                    continue;
                }
                Matcher status = STATUS.matcher(line);
                if (!status.find()) {
                    throw new IllegalStateException(name + ": unexpected result line: " + line);
                }
                resultLines++;
                if (firstResultAt < 0) {
                    firstResultAt = seconds(start);
                }
                Matcher number = LINE.matcher(line);
                if (!number.find() || Integer.parseInt(number.group(1)) != resultLines) {
                    outOfOrder++;
                }
                counted.merge(status.group(1), 1, Integer::sum);
                if (status.group(1).equals("rejected") && rejections.size() < 5) {
                    rejections.add(line);
                }
                int slice = (int) ((long) resultLines * slices / articles) - 1;
                if (slice >= 0 && slice < slices && sliceAt[slice] == 0) {
                    sliceAt[slice] = seconds(start);
                }
                if (resultLines >= nextReport) {
                    log("  %s: %d/%d results after %.1f s", name, resultLines, articles, seconds(start));
                    nextReport += Math.max(1, articles / 10);
                }
            }
        }
        double elapsed = seconds(start);
        CpuSampler.Snapshot c1 = CpuSampler.snapshot();

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", round(elapsed, 3));
        r.put("articles_per_s", round(articles / elapsed, 1));
        r.put("mb_per_s", round(body.bytes() / 1e6 / elapsed, 2));
        r.put("http_client", httpClient);
        for (Map.Entry<String, Integer> e : counted.entrySet()) {
            r.put(e.getKey(), e.getValue());
        }
        r.put("summary", summary);
        r.put("first_result_after_s", round(firstResultAt, 3));
        List<Object> rates = new ArrayList<>();
        double previous = 0;
        for (int s = 0; s < slices; s++) {
            double at = sliceAt[s] == 0 ? elapsed : sliceAt[s];
            double width = at - previous;
            rates.add(width <= 0 ? null : round(articles / (double) slices / width, 0));
            previous = at;
        }
        r.put("articles_per_s_by_tenth", rates);
        r.put("cpu", CpuSampler.between(c0, c1));
        if (!rejections.isEmpty()) {
            r.put("first_rejections", rejections);
        }

        // checks: the service's summary and our own count of the result lines must both add up to N
        long lines = summary.getOrDefault("lines", -1L);
        long sum = summary.getOrDefault("created", 0L) + summary.getOrDefault("near_duplicate", 0L)
                + summary.getOrDefault("duplicate", 0L) + summary.getOrDefault("rejected", 0L);
        if (summary.isEmpty()) {
            failures.add(name + ": no summary line");
        }
        if (lines != articles) {
            failures.add(name + ": summary.lines=" + lines + ", expected " + articles);
        }
        if (sum != articles) {
            failures.add(name + ": summary statuses sum to " + sum + ", expected " + articles);
        }
        if (summary.getOrDefault("rejected", 0L) != 0 || counted.get("rejected") != 0) {
            failures.add(name + ": " + counted.get("rejected") + " rejected lines, e.g. " + rejections);
        }
        if (resultLines != articles) {
            failures.add(name + ": " + resultLines + " result lines, expected " + articles);
        }
        for (Map.Entry<String, Integer> e : counted.entrySet()) {
            if (summary.getOrDefault(e.getKey(), -1L) != e.getValue().longValue()) {
                failures.add(name + ": summary." + e.getKey() + "=" + summary.get(e.getKey()) + " but " + e.getValue()
                        + " result lines say so");
            }
        }
        if (outOfOrder > 0) {
            failures.add(name + ": " + outOfOrder + " result lines out of order");
        }
        log("  %s: %.2f s, %.1f articles/s %s", name, elapsed, articles / elapsed, counted);
        return r;
    }

    /**
     * java.net.http: simple, but over HTTP/1.1 it reads the response only once the whole request body is
     * sent, so result lines queue up in socket buffers (and a stream whose results outgrow them would
     * stall). Kept for comparison ({@code --http-client jdk}); the default is {@link FullDuplexPost}.
     */
    static InputStream postWithJdkClient(LineStream body, String name) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/articles/bulk"))
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IllegalStateException(name + ": HTTP " + response.statusCode() + ": " + text);
        }
        return response.body();
    }

    /**
     * A minimal HTTP/1.1 client that sends the NDJSON body (chunked) from one thread while the caller
     * reads the streamed result lines as they come, which is how the endpoint is meant to be used.
     */
    static final class FullDuplexPost {

        static InputStream post(LineStream body, String name) throws IOException {
            URI uri = URI.create(ingestUrl);
            java.net.Socket socket = new java.net.Socket();
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setTcpNoDelay(true);
            java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            String head = "POST /api/v1/articles/bulk HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/x-ndjson\r\nAccept: application/x-ndjson"
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                byte[] buffer = new byte[1 << 16];
                try {
                    int n;
                    while ((n = body.read(buffer, 0, buffer.length)) > 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(buffer, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    log("  %s: sending stopped: %s (the response says why)", name, e.getMessage());
                }
            }, "ndjson-sender");
            sender.setDaemon(true);
            sender.start();

            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            String status = readLine(in);
            if (status == null) {
                throw new IOException(name + ": the connection closed without a response");
            }
            boolean chunked = false;
            long length = -1;
            String header;
            while ((header = readLine(in)) != null && !header.isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                }
            }
            InputStream content = chunked ? new ChunkedInputStream(in) : length >= 0 ? limited(in, length) : in;
            if (!status.matches("HTTP/1\\.[01] 200 .*")) {
                throw new IllegalStateException(name + ": " + status + ": "
                        + new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }
            return content;
        }

        static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = b.length();
                    return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        static InputStream limited(InputStream in, long length) {
            return new InputStream() {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    left--;
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = in.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        }

        /** Decodes a chunked response body. */
        static final class ChunkedInputStream extends InputStream {
            private final InputStream in;
            private long left;
            private boolean done;

            ChunkedInputStream(InputStream in) {
                this.in = in;
            }

            private boolean next() throws IOException {
                if (done) {
                    return false;
                }
                if (left == 0) {
                    String size = readLine(in);
                    if (size != null && size.isEmpty()) {
                        size = readLine(in); // the CRLF after the previous chunk's data
                    }
                    if (size == null) {
                        throw new IOException("the response ended inside a chunked body");
                    }
                    int semicolon = size.indexOf(';');
                    left = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                    if (left == 0) {
                        done = true;
                        return false;
                    }
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                if (!next()) {
                    return -1;
                }
                int c = in.read();
                if (c >= 0) {
                    left--;
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!next()) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new IOException("the response ended inside a chunk");
                }
                left -= n;
                return n;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Baseline: COPY

    static Map<String, Object> copy(Generator generator, long csvBytes) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench");
                s.execute("DROP TABLE IF EXISTS bench.copy_articles");
                s.execute("CREATE TABLE bench.copy_articles (title text NOT NULL, text text NOT NULL, url text, "
                        + "published_at timestamptz, source text)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            LineStream csv = new LineStream(articles, i -> generator.article(i).csv());
            CpuSampler.Snapshot c0 = CpuSampler.snapshot();
            long start = System.nanoTime();
            long rows = copy.copyIn("COPY bench.copy_articles (title, text, url, published_at, source) FROM STDIN "
                    + "(FORMAT csv)", csv, 1 << 16);
            double elapsed = seconds(start);
            CpuSampler.Snapshot c1 = CpuSampler.snapshot();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seconds", round(elapsed, 3));
            r.put("rows_per_s", round(rows / elapsed, 1));
            r.put("rows", rows);
            r.put("mb_per_s", round(csvBytes / 1e6 / elapsed, 2));
            r.put("table", "bench.copy_articles (title, text, url, published_at, source): no indexes, logged, autocommit");
            r.put("cpu", CpuSampler.between(c0, c1));
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('bench.copy_articles'), "
                         + "pg_total_relation_size('ingest.articles'), pg_total_relation_size('nlp.jobs')")) {
                rs.next();
                Map<String, Object> sizes = new LinkedHashMap<>();
                sizes.put("bench_copy_articles", round(rs.getLong(1) / 1e6, 1));
                sizes.put("ingest_articles", round(rs.getLong(2) / 1e6, 1));
                sizes.put("nlp_jobs", round(rs.getLong(3) / 1e6, 1));
                r.put("table_mb_after", sizes);
            }
            if (rows != articles) {
                throw new IllegalStateException("COPY stored " + rows + " rows, expected " + articles);
            }
            log("  postgres_copy: %.2f s, %.1f rows/s", elapsed, rows / elapsed);
            return r;
        }
    }

    static Map<String, Object> storedRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM ingest.articles), "
                     + "(SELECT count(*) FROM ingest.articles WHERE near_duplicate_of IS NOT NULL), "
                     + "(SELECT count(*) FROM nlp.jobs)")) {
            rs.next();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ingest_articles", rs.getLong(1));
            r.put("ingest_articles_near_duplicate", rs.getLong(2));
            r.put("nlp_jobs", rs.getLong(3));
            return r;
        }
    }

    static Map<String, Object> postgresSettings() throws SQLException {
        Map<String, Object> r = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             Statement s = c.createStatement()) {
            for (String setting : new String[] {"server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "wal_sync_method", "shared_buffers", "max_wal_size", "wal_level"}) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    r.put(setting, rs.getString(1));
                }
            }
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------
    // Lazily generated request bodies

    interface LineSource {
        byte[] line(int index);
    }

    /** An InputStream over N generated lines; only the current line is held in memory. */
    static final class LineStream extends InputStream {
        private final int count;
        private final LineSource source;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private long bytes;

        LineStream(int count, LineSource source) {
            this.count = count;
            this.source = source;
        }

        long bytes() {
            return bytes;
        }

        private boolean fill() {
            while (position >= current.length) {
                if (next >= count) {
                    return false;
                }
                current = source.line(next++);
                position = 0;
                bytes += current.length;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int copied = 0;
            while (copied < length && fill()) {
                int n = Math.min(length - copied, current.length - position);
                System.arraycopy(current, position, buffer, offset + copied, n);
                position += n;
                copied += n;
            }
            return copied == 0 ? -1 : copied;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Article generator

    enum Kind { ORIGINAL, NEAR_COPY, SAME_URL, SAME_BODY }

    record Article(Kind kind, String title, String text, String url, String publishedAt, String source, String language) {

        byte[] ndjson() {
            StringBuilder b = new StringBuilder(text.length() + 400);
            b.append("{\"title\":");
            Json.string(b, title);
            b.append(",\"text\":");
            Json.string(b, text);
            b.append(",\"url\":");
            Json.string(b, url);
            b.append(",\"publishedAt\":");
            Json.string(b, publishedAt);
            b.append(",\"source\":");
            Json.string(b, source);
            b.append(",\"language\":");
            Json.string(b, language);
            b.append("}\n");
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] csv() {
            StringBuilder b = new StringBuilder(text.length() + 300);
            csvField(b, title).append(',');
            csvField(b, text).append(',');
            csvField(b, url).append(',');
            csvField(b, publishedAt).append(',');
            csvField(b, source).append('\n');
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static StringBuilder csvField(StringBuilder b, String value) {
            b.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    b.append('"');
                }
                b.append(c);
            }
            return b.append('"');
        }
    }

    /**
     * News-like articles of about 4 KB: a headline, five to eight paragraphs of sentences drawn from a
     * Zipf-distributed vocabulary of ~20,000 words plus function words, names and places (some with
     * non-ASCII letters), quotes with attribution. About 90 % are originals; 2.5 % repeat an earlier
     * article's URL with another body (exact duplicate by canonical URL), 2.5 % repeat an earlier body
     * under a new URL (exact duplicate by content hash), 5 % repeat an earlier body under a new URL with a
     * new dateline header and agency footer (near-duplicate, MinHash similarity ~0.85-0.9).
     */
    static final class Generator {
        private static final String[] SYLLABLES = {
            "ba", "be", "bi", "bo", "bu", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "fi", "ga", "go", "ha",
            "he", "hi", "ka", "ke", "ko", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu", "na", "ne", "ni",
            "no", "pa", "pe", "pi", "po", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "ta", "te", "ti", "to",
            "tu", "va", "ve", "vi", "za", "zo", "ar", "en", "in", "on", "ul", "or", "est", "ism", "ent", "ion"};
        private static final String[] FUNCTION = {
            "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "was", "with", "as", "by", "at", "from",
            "it", "be", "has", "have", "an", "are", "were", "this", "which", "but", "not", "their", "its", "after",
            "over", "more", "than", "who", "had", "been", "would", "will", "into", "about", "also", "some", "could"};
        private static final String[] NEWS = {
            "government", "minister", "officials", "president", "said", "told", "reporters", "week", "talks",
            "security", "forces", "election", "parliament", "police", "ministry", "spokesman", "agreement", "war",
            "economy", "prices", "inflation", "bank", "market", "shares", "company", "workers", "strike", "court",
            "ruling", "protest", "protesters", "capital", "border", "troops", "attack", "ceasefire", "aid", "refugees",
            "crisis", "budget", "tax", "reform", "opposition", "party", "coalition", "vote", "campaign", "summit",
            "leaders", "sanctions", "energy", "oil", "gas", "climate", "floods", "drought", "health", "hospital",
            "vaccine", "schools", "students", "report", "investigation", "statement", "decision", "plan", "deal",
            "region", "province", "city", "residents", "villages", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "percent", "million", "billion", "year", "months", "days", "early", "late"};
        private static final String[] FIRST = {
            "Ana", "José", "Maria", "Ahmed", "Fatima", "Li", "Wei", "Olga", "Ivan", "Sophie", "Jürgen", "Łukasz",
            "Amara", "Kwame", "Priya", "Ravi", "Yusuf", "Leila", "Tomás", "Chloé", "Hiroshi", "Sana", "Omar", "Elena"};
        private static final String[] LAST = {
            "Silva", "García", "Müller", "Nowak", "Haddad", "Chen", "Petrov", "Okafor", "Sharma", "Dubois", "Kowalski",
            "Rahman", "Yılmaz", "Andersson", "Tanaka", "Mensah", "Costa", "Novák", "Ibrahim", "Schmidt", "Rossi"};
        private static final String[] PLACES = {
            "Lisbon", "São Paulo", "Zürich", "Kraków", "Ankara", "Baghdad", "Nairobi", "Lagos", "Jakarta", "Manila",
            "Bogotá", "Quito", "Tbilisi", "Yerevan", "Almaty", "Dhaka", "Karachi", "Hanoi", "Seoul", "Osaka",
            "Montréal", "Reykjavík", "Gdańsk", "Málaga", "Thessaloniki", "Accra", "Dakar", "Tunis", "Amman", "Beirut"};
        private static final String[] OUTLETS = {
            "Daily Ledger", "Morning Courier", "The Harbour Post", "Evening Standard Times", "Capital Wire",
            "Northern Herald", "Coastal Gazette", "Metro Chronicle", "Global Dispatch", "Valley Observer",
            "Continental News", "The Civic Record", "Frontier Times", "Island Mercury", "Riverside Tribune",
            "Union Bulletin", "Plains Journal", "Harbour Sentinel", "City Examiner", "The Weekly Register"};
        private static final String[] SECTIONS = {"world", "politics", "business", "economy", "science", "health", "region", "society"};
        private static final String[] AGENCIES = {"Reuters-style Wire", "Agence Nouvelle", "United Desk", "Pacific Newswire"};
        private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
        private static final int VOCABULARY = 20000;

        private final long seed;
        private final String[] words;
        private final double[] zipf;

        Generator(long seed) {
            this.seed = seed;
            SplittableRandom r = new SplittableRandom(seed);
            Set<String> unique = new HashSet<>();
            List<String> list = new ArrayList<>(List.of(NEWS));
            unique.addAll(list);
            while (list.size() < VOCABULARY) {
                int syllables = 2 + r.nextInt(3);
                StringBuilder w = new StringBuilder();
                for (int s = 0; s < syllables; s++) {
                    w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
                }
                if (unique.add(w.toString())) {
                    list.add(w.toString());
                }
            }
            words = list.toArray(new String[0]);
            // Zipf (s = 1.05) cumulative weights over the content vocabulary, news words most frequent
            zipf = new double[words.length];
            double sum = 0;
            for (int k = 0; k < words.length; k++) {
                sum += 1 / Math.pow(k + 1, 1.05);
                zipf[k] = sum;
            }
            for (int k = 0; k < words.length; k++) {
                zipf[k] /= sum;
            }
        }

        private SplittableRandom random(int index, int stream) {
            long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
            return new SplittableRandom(z);
        }

        Kind kind(int index) {
            if (index < 50) {
                return Kind.ORIGINAL;
            }
            double u = random(index, 1).nextDouble();
            if (u < 0.025) {
                return Kind.SAME_URL;
            }
            if (u < 0.05) {
                return Kind.SAME_BODY;
            }
            if (u < 0.10) {
                return Kind.NEAR_COPY;
            }
            return Kind.ORIGINAL;
        }

        /** An earlier original article that a copy of kind other than ORIGINAL repeats. */
        private int target(int index) {
            SplittableRandom r = random(index, 2);
            while (true) {
                int j = r.nextInt(index);
                if (kind(j) == Kind.ORIGINAL) {
                    return j;
                }
            }
        }

        Article article(int index) {
            Kind kind = kind(index);
            String outlet = OUTLETS[random(index, 3).nextInt(OUTLETS.length)];
            String published = EPOCH.plusSeconds(index * 97L).toString();
            return switch (kind) {
                case ORIGINAL -> new Article(kind, title(index), body(index), url(index, outlet), published, outlet, "en");
                case SAME_URL -> {
                    int j = target(index);
                    Article original = article(j);
                    // the same page URL, re-posted with tracking parameters (canonicalisation removes them)
                    yield new Article(kind, title(index), body(index),
                            original.url + "?utm_source=bench&utm_medium=feed", published, original.source, "en");
                }
                case SAME_BODY -> {
                    int j = target(index);
                    yield new Article(kind, title(j), body(j), url(index, outlet), published, outlet, "en");
                }
                case NEAR_COPY -> {
                    int j = target(index);
                    SplittableRandom r = random(index, 4);
                    String agency = AGENCIES[r.nextInt(AGENCIES.length)];
                    String header = PLACES[r.nextInt(PLACES.length)].toUpperCase(Locale.ROOT) + " (" + agency + ") — "
                            + sentence(r) + "\n\n";
                    String footer = "\n\n" + sentence(r) + " Reporting by " + person(r) + "; additional reporting by "
                            + person(r) + "; editing by " + person(r) + ". © " + agency + ".";
                    yield new Article(kind, title(j), header + body(j) + footer, url(index, outlet), published, outlet, "en");
                }
            };
        }

        private String url(int index, String outlet) {
            String host = outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
            SplittableRandom r = random(index, 5);
            Instant at = EPOCH.plusSeconds(index * 97L);
            String date = at.toString().substring(0, 10).replace('-', '/');
            StringBuilder slug = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                slug.append(k == 0 ? "" : "-").append(words[r.nextInt(2000)]);
            }
            return "https://www." + host + "/" + SECTIONS[r.nextInt(SECTIONS.length)] + "/" + date + "/" + slug
                    + "-" + Integer.toString(index, 36);
        }

        private String title(int index) {
            SplittableRandom r = random(index, 6);
            int n = 6 + r.nextInt(6);
            StringBuilder t = new StringBuilder();
            for (int k = 0; k < n; k++) {
                String w = r.nextInt(8) == 0 ? PLACES[r.nextInt(PLACES.length)] : word(r);
                if (k > 0) {
                    t.append(' ');
                }
                t.append(k == 0 ? capitalize(w) : w);
            }
            return t.toString();
        }

        private String body(int index) {
            SplittableRandom r = random(index, 7);
            int targetChars = 3600 + r.nextInt(900);
            int paragraphs = 5 + r.nextInt(4);
            int perParagraph = targetChars / paragraphs;
            StringBuilder b = new StringBuilder(targetChars + 400);
            for (int p = 0; p < paragraphs; p++) {
                if (p > 0) {
                    b.append("\n\n");
                }
                int start = b.length();
                while (b.length() - start < perParagraph) {
                    if (b.length() > start) {
                        b.append(' ');
                    }
                    b.append(r.nextInt(6) == 0 ? quote(r) : sentence(r));
                }
            }
            return b.toString();
        }

        private String sentence(SplittableRandom r) {
            int n = 8 + r.nextInt(14);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < n; k++) {
                String w;
                int pick = r.nextInt(100);
                if (pick < 40) {
                    w = FUNCTION[r.nextInt(FUNCTION.length)];
                } else if (pick < 44) {
                    w = PLACES[r.nextInt(PLACES.length)];
                } else if (pick < 46) {
                    w = LAST[r.nextInt(LAST.length)];
                } else if (pick < 48) {
                    w = Integer.toString(r.nextInt(2000));
                } else {
                    w = word(r);
                }
                if (k > 0) {
                    s.append(k == n / 2 && r.nextInt(3) == 0 ? ", " : " ");
                }
                s.append(k == 0 ? capitalize(w) : w);
            }
            return s.append('.').toString();
        }

        private String quote(SplittableRandom r) {
            String s = sentence(r);
            return "\"" + s.substring(0, s.length() - 1) + ",\" said " + person(r) + ", a "
                    + word(r) + " " + NEWS[r.nextInt(NEWS.length)] + " in " + PLACES[r.nextInt(PLACES.length)] + ".";
        }

        private String person(SplittableRandom r) {
            return FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
        }

        private String word(SplittableRandom r) {
            double u = r.nextDouble();
            int lo = 0;
            int hi = zipf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (zipf[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return words[lo];
        }

        private static String capitalize(String w) {
            return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // CPU accounting from /proc (Linux): where the CPU time of each phase went

    static final class CpuSampler {
        static final double TICKS = 100.0; // USER_HZ; 100 on Linux x86-64 and arm64

        record Snapshot(long nanos, double machineBusy, double machineTotal, double client, double ingest, double postgres) {
        }

        static Snapshot snapshot() {
            double[] machine = machine();
            return new Snapshot(System.nanoTime(), machine[0], machine[1], clientCpu(),
                    ingestPid > 0 ? processCpu(ingestPid, false) : Double.NaN, postgresCpu());
        }

        static Map<String, Object> between(Snapshot a, Snapshot b) {
            Map<String, Object> r = new LinkedHashMap<>();
            double wall = (b.nanos - a.nanos) / 1e9;
            double busy = b.machineBusy - a.machineBusy;
            double total = b.machineTotal - a.machineTotal;
            r.put("wall_s", round(wall, 3));
            r.put("client_s", round(b.client - a.client, 2));
            if (!Double.isNaN(a.ingest) && !Double.isNaN(b.ingest)) {
                r.put("ingest_service_s", round(b.ingest - a.ingest, 2));
            }
            if (!Double.isNaN(a.postgres) && !Double.isNaN(b.postgres)) {
                r.put("postgres_s", round(b.postgres - a.postgres, 2));
            }
            if (total > 0) {
                r.put("machine_busy_s", round(busy, 2));
                r.put("machine_busy_fraction", round(busy / total, 3));
                double ours = (b.client - a.client) + (Double.isNaN(b.ingest - a.ingest) ? 0 : b.ingest - a.ingest)
                        + (Double.isNaN(b.postgres - a.postgres) ? 0 : b.postgres - a.postgres);
                r.put("other_processes_s", round(Math.max(0, busy - ours), 2));
            }
            return r;
        }

        /** [busy, total] CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
        static double[] machine() {
            try {
                String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
                String[] f = cpu.trim().split("\\s+");
                double total = 0;
                double idle = 0;
                for (int k = 1; k < f.length && k <= 8; k++) {
                    double v = Double.parseDouble(f[k]);
                    total += v;
                    if (k == 4 || k == 5) {
                        idle += v; // idle, iowait
                    }
                }
                return new double[] {(total - idle) / TICKS, total / TICKS};
            } catch (Exception e) {
                return new double[] {Double.NaN, Double.NaN};
            }
        }

        static double clientCpu() {
            var os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getProcessCpuTime() / 1e9;
            }
            return Double.NaN;
        }

        /** utime+stime of a process, plus its reaped children's when asked, in seconds. */
        static double processCpu(long pid, boolean withReapedChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // f[0] is field 3 (state): utime = field 14 -> f[11], stime f[12], cutime f[13], cstime f[14]
                double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (withReapedChildren) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                return ticks / TICKS;
            } catch (Exception e) {
                return Double.NaN;
            }
        }

        /** The postmaster (with the backends it has reaped) plus all its live children. */
        static double postgresCpu() {
            if (postgresData == null) {
                return Double.NaN;
            }
            try {
                long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
                double sum = processCpu(postmaster, true);
                try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                    for (Path p : procs) {
                        try {
                            String stat = Files.readString(p.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            if (Long.parseLong(f[1]) == postmaster) {
                                sum += processCpu(Long.parseLong(p.getFileName().toString()), false);
                            }
                        } catch (IOException | RuntimeException gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                return sum;
            } catch (Exception e) {
                return Double.NaN;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Minimal JSON writer (maps, lists, strings, numbers, booleans, null)

    static final class Json {
        static String write(Object value) {
            StringBuilder b = new StringBuilder();
            write(b, value);
            return b.toString();
        }

        @SuppressWarnings("unchecked")
        static void write(StringBuilder b, Object value) {
            if (value == null) {
                b.append("null");
            } else if (value instanceof Map<?, ?> map) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    string(b, String.valueOf(e.getKey()));
                    b.append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            } else if (value instanceof List<?> list) {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    write(b, list.get(i));
                }
                b.append(']');
            } else if (value instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) {
                    b.append("null");
                } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    b.append(d.longValue());
                } else {
                    b.append(d);
                }
            } else if (value instanceof Number || value instanceof Boolean) {
                b.append(value);
            } else {
                string(b, value.toString());
            }
        }

        static void string(StringBuilder b, String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            b.append('"');
        }
    }

    // ------------------------------------------------------------------------------------------------

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
