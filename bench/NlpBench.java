import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark client for NewsLens enrichment throughput (nlp-service job workers over nlp.jobs). Java
 * single-file source program; its only dependency is the PostgreSQL JDBC driver:
 *
 * <pre>
 *   # 1. write the generated articles for the in-process baseline (bench/NlpCoreNlpBaseline.java)
 *   java -cp "local-postgres/target/lib/*" bench/NlpBench.java --write-texts FILE --articles 600 [--seed 42]
 *   # 2. measure a running nlp-service
 *   java -cp "local-postgres/target/lib/*" bench/NlpBench.java --url http://127.0.0.1:8082 \
 *       --jdbc-url jdbc:postgresql://127.0.0.1:5433/newslens --articles 600 [--seed 42] [--nlp-pid PID] \
 *       [--workers 2] [--baseline FILE] [--latency-samples 50] [--warmup 10] [--stall-timeout-s 300] \
 *       [--postgres-data DIR]
 * </pre>
 *
 * Measurement (2): a few sequential analyze calls warm the service's JIT (not counted); N articles
 * (ingest.articles: title, text, no language hint) and their jobs (nlp.jobs: article_id, as
 * ingest-service inserts them) are inserted in one transaction, POST /api/v1/jobs/wake, then GET /api/v1/jobs/stats every 200 ms until
 * done + failed == N. The pipeline time runs from just before the insert to the first poll that sees
 * the last job finished. Afterwards, sequential POST /api/v1/analyze over the first articles gives the
 * per-article latency. The RSS of the nlp-service process (ps -o rss=) is sampled every 500 ms over
 * the whole measurement; its CPU time (/proc/PID/stat) is taken around the pipeline phase.
 *
 * The baseline FILE holds lines "key=raw JSON" written by bench/NlpCoreNlpBaseline.java; each is
 * copied verbatim into the output object. One JSON object goes to stdout, progress to stderr. Exits
 * non-zero when jobs stall, HTTP fails or the stats do not add up.
 *
 * Articles are deterministic: article i depends only on (seed, i).
 */
public class NlpBench {

    static String url = "http://127.0.0.1:8082";
    static String jdbcUrl = "jdbc:postgresql://127.0.0.1:5433/newslens";
    static String dbUser = "newslens";
    static String dbPassword = "newslens";
    static int articles = 600;
    static long seed = 42;
    static long nlpPid = -1;
    static int workers = 2;
    static Path baselineFile;
    static Path writeTexts;
    static int latencySamples = 50;
    static int warmup = 10;
    static int stallTimeoutS = 300;
    static Path postgresData;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--jdbc-url" -> jdbcUrl = args[++i];
                case "--db-user" -> dbUser = args[++i];
                case "--db-password" -> dbPassword = args[++i];
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--nlp-pid" -> nlpPid = Long.parseLong(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--baseline" -> baselineFile = args[++i].isBlank() ? null : Path.of(args[i]);
                case "--write-texts" -> writeTexts = Path.of(args[++i]);
                case "--latency-samples" -> latencySamples = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--stall-timeout-s" -> stallTimeoutS = Integer.parseInt(args[++i]);
                case "--postgres-data" -> postgresData = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (articles < 1) {
            throw new IllegalArgumentException("--articles must be at least 1");
        }
        Generator generator = new Generator(seed);
        if (writeTexts != null) {
            writeTexts(generator);
            return;
        }
        run(generator);
    }

    // ------------------------------------------------------------------------------------------------
    // Mode 1: the texts for the baseline

    static void writeTexts(Generator generator) throws IOException {
        long t = System.nanoTime();
        long approxTokens = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(writeTexts)))) {
            out.writeInt(articles);
            for (int i = 0; i < articles; i++) {
                Article a = generator.article(i);
                approxTokens += Generator.approxTokens(a.text);
                out.writeUTF(a.title);
                out.writeUTF(a.text);
            }
        }
        log("wrote %d articles to %s in %.1f s (about %.0f tokens each by the generator's count)", articles, writeTexts,
                seconds(t), approxTokens / (double) articles);
    }

    // ------------------------------------------------------------------------------------------------
    // Mode 2: the measurement

    static void run(Generator generator) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        RssSampler rss = new RssSampler(nlpPid);
        rss.start();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "nlp-throughput");
        out.put("articles", articles);
        out.put("seed", seed);
        Map<String, String> baseline = readBaseline();
        if (baseline.containsKey("avg_tokens")) {
            out.put("avg_tokens", new RawJson(baseline.get("avg_tokens")));
        }
        long textChars = 0;
        for (int i = 0; i < articles; i++) {
            textChars += generator.article(i).text.length();
        }
        out.put("avg_text_chars", round(textChars / (double) articles, 0));
        out.put("machine", machine());

        JobStats before = stats(http);
        if (before.total() != 0) {
            throw new IllegalStateException("nlp.jobs is not empty: " + before);
        }
        long rssIdle = rss.sampleNow();

        // warm-up: the same code paths as the jobs, on the first articles; stores nothing
        log("warm-up: %d analyze calls (not counted)", warmup);
        for (int i = 0; i < warmup; i++) {
            analyze(http, generator.article(i % articles));
        }

        // pipeline: insert N articles and their jobs in one transaction, wake the workers, poll until all are finished
        log("inserting %d articles and their jobs in one transaction", articles);
        long cpu0 = processCpuTicks(nlpPid);
        long pg0 = postgresCpuTicks();
        double[] machine0 = machineCpu();
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ingest.articles (id, title, text, content_hash) OVERRIDING SYSTEM VALUE
                    VALUES (?, ?, ?, sha256(int8send(?)))""")) {
                for (int i = 0; i < articles; i++) {
                    Article a = generator.article(i);
                    insert.setLong(1, i + 1L);
                    insert.setString(2, a.title);
                    insert.setString(3, a.text);
                    insert.setLong(4, i + 1L);
                    insert.addBatch();
                    if ((i + 1) % 200 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement jobs = connection.prepareStatement("INSERT INTO nlp.jobs (article_id) SELECT generate_series(1, ?)")) {
                jobs.setLong(1, articles);
                jobs.executeUpdate();
            }
            connection.commit();
        }
        double insertSeconds = seconds(start);
        post(http, "/api/v1/jobs/wake", "");
        log("inserted in %.2f s; woke the workers; polling /api/v1/jobs/stats", insertSeconds);
        JobStats last = stats(http);
        long lastProgress = System.nanoTime();
        long lastLog = System.nanoTime();
        int lastFinished = 0;
        while (last.done + last.failed < articles) {
            Thread.sleep(200);
            last = stats(http);
            int finished = last.done + last.failed;
            if (finished != lastFinished) {
                lastFinished = finished;
                lastProgress = System.nanoTime();
            } else if (seconds(lastProgress) > stallTimeoutS) {
                throw new IllegalStateException("no job finished for " + stallTimeoutS + " s: " + last);
            }
            if (seconds(lastLog) >= 10) {
                lastLog = System.nanoTime();
                log("  %d/%d finished after %.0f s (%.2f articles/s so far; %d running, %d failed; rss %d MB)", finished,
                        articles, seconds(start), finished / seconds(start), last.running, last.failed, rss.max / 1024);
            }
        }
        double pipelineSeconds = seconds(start);
        long cpu1 = processCpuTicks(nlpPid);
        long pg1 = postgresCpuTicks();
        double[] machine1 = machineCpu();
        long rssAfterPipeline = rss.max;
        log("pipeline: %d articles in %.1f s = %.2f articles/s, %d failed", articles, pipelineSeconds,
                articles / pipelineSeconds, last.failed);

        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("workers", workers);
        pipeline.put("seconds", round(pipelineSeconds, 2));
        pipeline.put("articles_per_s", round(articles / pipelineSeconds, 2));
        pipeline.put("failed", last.failed);
        pipeline.put("insert_seconds", round(insertSeconds, 2));
        if (cpu0 >= 0 && cpu1 >= 0) {
            double cpuSeconds = (cpu1 - cpu0) / 100.0;  // USER_HZ is 100 on Linux
            pipeline.put("nlp_service_cpu_s", round(cpuSeconds, 1));
            pipeline.put("nlp_service_cpu_ms_per_article", round(cpuSeconds * 1000 / articles, 0));
            pipeline.put("nlp_service_cores_used", round(cpuSeconds / pipelineSeconds, 2));
            pipeline.put("articles_per_nlp_service_cpu_s", round(articles / cpuSeconds, 2));
        }
        if (pg0 >= 0 && pg1 >= 0) {
            pipeline.put("postgres_cpu_ms_per_article", round((pg1 - pg0) * 10.0 / articles, 1));
        }
        if (machine0 != null && machine1 != null) {
            pipeline.put("machine_busy_fraction", round((machine1[0] - machine0[0]) / (machine1[1] - machine0[1]), 3));
        }
        if (last.failed > 0) {
            pipeline.put("first_error", firstError());
        }
        out.put("pipeline", pipeline);

        // latency of POST /api/v1/analyze, sequential, over the first articles
        int samples = Math.min(latencySamples, articles);
        log("analyze latency: %d sequential calls", samples);
        double[] ms = new double[samples];
        long tokens = 0;
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            String body = analyze(http, generator.article(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
            Matcher m = Pattern.compile("\"tokens\"\\s*:\\s*(\\d+)").matcher(body);
            if (m.find()) {
                tokens += Long.parseLong(m.group(1));
            }
        }
        Arrays.sort(ms);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("samples", samples);
        latency.put("p50", round(percentile(ms, 0.50), 1));
        latency.put("p95", round(percentile(ms, 0.95), 1));
        latency.put("max", round(ms[samples - 1], 1));
        latency.put("avg_tokens_reported", round(tokens / (double) samples, 1));
        out.put("analyze_latency_ms", latency);

        for (Map.Entry<String, String> e : baseline.entrySet()) {
            if (!e.getKey().equals("avg_tokens")) {
                out.put(e.getKey(), new RawJson(e.getValue()));
            }
        }
        rss.stop();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) out.get("machine");
            m.put("loadavg_at_end", Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0]);
        } catch (Exception e) {
            // not Linux
        }
        out.put("rss_mb_max", rss.max < 0 ? null : round(rss.max / 1024.0, 0));
        Map<String, Object> rssDetail = new LinkedHashMap<>();
        rssDetail.put("idle_after_ready", rssIdle < 0 ? null : round(rssIdle / 1024.0, 0));
        rssDetail.put("max_during_pipeline", rssAfterPipeline < 0 ? null : round(rssAfterPipeline / 1024.0, 0));
        rssDetail.put("samples", rss.samples);
        rssDetail.put("jvm_max_heap", "-Xmx768m");
        out.put("rss_mb", rssDetail);
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("articles_per_s", 12);
        goal.put("rss_mb", 1536);
        out.put("goal", goal);
        System.out.println(toJson(out));
        if (last.done + last.failed != articles) {
            System.exit(1);
        }
    }

    static Map<String, String> readBaseline() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (baselineFile == null || !Files.exists(baselineFile)) {
            return values;
        }
        for (String line : Files.readAllLines(baselineFile, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    static String firstError() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT last_error FROM nlp.jobs WHERE status = 'failed' ORDER BY id LIMIT 1")) {
            return r.next() ? r.getString(1) : null;
        } catch (Exception e) {
            return "could not read: " + e;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP

    record JobStats(int pending, int running, int done, int failed) {
        int total() {
            return pending + running + done + failed;
        }
    }

    static JobStats stats(HttpClient http) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs/stats"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/jobs/stats: " + r.statusCode() + " " + r.body());
        }
        return new JobStats(field(r.body(), "pending"), field(r.body(), "running"), field(r.body(), "done"),
                field(r.body(), "failed"));
    }

    static int field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    static String analyze(HttpClient http, Article a) throws Exception {
        String body = "{\"title\":" + quote(a.title) + ",\"text\":" + quote(a.text) + "}";
        return post(http, "/api/v1/analyze", body);
    }

    static String post(HttpClient http, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    // ------------------------------------------------------------------------------------------------
    // Process and machine figures (Linux /proc; absent elsewhere)

    static final class RssSampler implements Runnable {
        final long pid;
        volatile long max = -1;
        volatile int samples;
        private volatile boolean running = true;
        private Thread thread;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            if (pid <= 0) {
                return;
            }
            thread = new Thread(this, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
            sampleNow();
        }

        /** RSS in KiB as ps -o rss= reports it, or -1. */
        synchronized long sampleNow() {
            if (pid <= 0) {
                return -1;
            }
            try {
                Process p = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid))
                        .redirectErrorStream(true).start();
                String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                p.waitFor();
                if (s.isEmpty()) {
                    return -1;
                }
                long kb = Long.parseLong(s);
                samples++;
                if (kb > max) {
                    max = kb;
                }
                return kb;
            } catch (Exception e) {
                return -1;
            }
        }

        @Override
        public void run() {
            while (running) {
                sampleNow();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** utime + stime of a process in clock ticks, or -1. */
    static long processCpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** utime + stime of the postmaster and its current children (the backends), or -1. */
    static long postgresCpuTicks() {
        if (postgresData == null) {
            return -1;
        }
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
            long total = processCpuTicks(postmaster);
            try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(f[1]) == postmaster) {
                            total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (Exception gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }

    /** [busy, total] ticks of the whole machine since boot, or null. */
    static double[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Double.parseDouble(f[i]);
            }
            double idle = Double.parseDouble(f[4]) + Double.parseDouble(f[5]);
            return new double[] {total - idle, total};
        } catch (Exception e) {
            return null;
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memory_mb", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                    break;
                }
            }
            m.put("loadavg_at_start", Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0]);
        } catch (Exception e) {
            // not Linux
        }
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("note", "shared and noisy: compare pipeline with the corenlp_only baseline of the same run, "
                + "not absolute figures across runs");
        return m;
    }

    // ------------------------------------------------------------------------------------------------
    // The generator: English news-like articles of about 700 tokens

    record Article(String title, String text) {
    }

    static final class Generator {
        static final String[] FIRST = {"Maria", "James", "Elena", "Omar", "Sofia", "Daniel", "Aisha", "Thomas",
                "Yuki", "Carlos", "Fatima", "Henrik", "Priya", "Michael", "Ana", "Kwame", "Laura", "Dmitri", "Grace",
                "Ahmed", "Ingrid", "Rafael", "Chen", "Olivia", "Samuel", "Leila", "Peter", "Nadia", "Lukas", "Hannah"};
        static final String[] LAST = {"Keller", "Okafor", "Lindqvist", "Haddad", "Moreno", "Brennan", "Tanaka",
                "Novak", "Mensah", "Fischer", "Rahman", "Castillo", "Whitfield", "Petrov", "Schneider", "Adeyemi",
                "Larsen", "Costa", "Nakamura", "Sullivan", "Kowalski", "Ibrahim", "Hartmann", "Delgado", "Osei",
                "Lambert", "Varga", "Morales", "Jensen", "Abdullah"};
        static final String[][] REAL_PEOPLE = {{"Antony Blinken", "Secretary of State"},
                {"Emmanuel Macron", "President"}, {"Olaf Scholz", "Chancellor"}, {"Ursula von der Leyen", "Commission President"},
                {"Antonio Guterres", "Secretary-General"}, {"Volodymyr Zelensky", "President"},
                {"Narendra Modi", "Prime Minister"}, {"Christine Lagarde", "ECB President"},
                {"Jerome Powell", "Fed Chair"}, {"Kristalina Georgieva", "IMF Managing Director"}};
        static final String[] TITLES = {"Foreign Minister", "Finance Minister", "Senator", "Governor", "Mayor",
                "Prime Minister", "Defense Minister", "Health Minister", "General", "Judge", "Ambassador",
                "Chief Executive", "Dr.", "Professor", "Interior Minister", "Trade Commissioner"};
        static final String[] ORGS = {"the United Nations", "the European Union", "the World Health Organization",
                "NATO", "the International Monetary Fund", "the World Bank", "the Federal Reserve",
                "the European Central Bank", "the Red Cross", "Reuters", "the Associated Press", "Microsoft", "Siemens",
                "Amnesty International", "OPEC", "the African Union", "the World Food Programme", "Toyota",
                "Goldman Sachs", "Human Rights Watch"};
        static final String[] ORG_STEMS = {"Northwind", "Bluehaven", "Eastgate", "Silverline", "Cedar", "Harborview",
                "Meridian", "Redstone", "Ashford", "Kestrel"};
        static final String[] ORG_KINDS = {"Energy", "Logistics Group", "Holdings", "Institute", "Bank", "Motors",
                "Pharmaceuticals", "Foundation", "Steel", "Analytics"};
        static final String[] PLACES = {"Berlin", "Kyiv", "Gaza", "Washington", "Brussels", "Nairobi", "Jakarta",
                "São Paulo", "Texas", "Geneva", "Baghdad", "Warsaw", "Lagos", "Mumbai", "Tokyo", "Paris", "Ankara",
                "California", "Bavaria", "Cairo", "Manila", "Toronto", "Madrid", "Istanbul", "Kenya", "Ukraine",
                "Germany", "France", "Brazil", "Indonesia", "the United States", "China", "Japan", "Poland"};
        static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"};
        static final String[][] TOPICS = {
                {"economy", "inflation", "interest rates", "the budget deficit", "wages"},
                {"conflict", "the ceasefire", "the offensive", "the peace talks", "the blockade"},
                {"climate", "the drought", "emissions targets", "the heatwave", "flood defences"},
                {"health", "the outbreak", "vaccination campaign", "hospital capacity", "the new treatment"},
                {"elections", "the vote", "the coalition talks", "the campaign", "the recount"},
                {"technology", "the chip shortage", "artificial intelligence rules", "the data breach", "the merger"}};
        static final String[] NOUNS = {"residents", "workers", "households", "patients", "voters", "soldiers",
                "refugees", "students", "farmers", "jobs", "homes", "schools", "hospitals", "vehicles", "flights",
                "companies", "civilians", "tonnes of grain", "barrels of oil", "megawatts"};
        static final String[] EVENT_VERBS = {"have been displaced", "have lost their jobs", "have been evacuated",
                "have registered", "were affected", "have been vaccinated", "have been detained", "were left without power"};
        static final String[] ACTIONS = {"approve", "announce", "negotiate", "review", "block", "expand", "finance", "delay"};
        static final String[] ADJ = {"latest", "renewed", "growing", "unexpected", "long-awaited", "controversial",
                "sharp", "modest", "sweeping", "fragile"};
        static final String[] QUOTES = {"We will not accept a deal that leaves our people behind",
                "This is a decisive moment for the whole region", "The numbers speak for themselves",
                "Nobody expected the situation to deteriorate this quickly", "We have done everything we could",
                "There is no military solution to this crisis", "Our priority is to protect families and jobs",
                "The markets have already priced in a slowdown", "We need more transparency, not less",
                "It is too early to say whether the measures are working", "Every day without an agreement costs lives",
                "We are ready to talk, but not under pressure"};
        static final String[] SHORT_QUOTES = {"constructive", "difficult but honest", "a step forward",
                "disappointing", "productive", "frank"};
        static final String[] CLAUSES = {"the government has come under growing pressure to act",
                "critics say the plan does too little for the poorest regions",
                "prices for food and fuel have risen for the third month in a row",
                "opposition lawmakers called for an independent inquiry",
                "the decision is expected to face legal challenges",
                "aid agencies warned of shortages of water and medicine",
                "investors remained cautious ahead of the announcement",
                "several neighbouring countries have closed their borders",
                "the talks are due to resume next week",
                "local officials said the damage was worse than first reported",
                "the measures will be reviewed at the end of the year",
                "unions have threatened further strikes if wages are not raised",
                "the ministry did not respond to a request for comment",
                "the proposal still needs the approval of parliament"};
        static final String[] CONNECTORS = {"while", "although", "even as", "and", "but"};

        final long seed;

        Generator(long seed) {
            this.seed = seed;
        }

        record Person(String full, String surname, String title) {
        }

        Article article(int index) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
            String[] topic = TOPICS[r.nextInt(TOPICS.length)];
            List<Person> people = new ArrayList<>();
            int nPeople = 3 + r.nextInt(3);
            for (int i = 0; i < nPeople; i++) {
                if (r.nextInt(4) == 0) {
                    String[] p = REAL_PEOPLE[r.nextInt(REAL_PEOPLE.length)];
                    String[] parts = p[0].split(" ");
                    people.add(new Person(p[0], parts[parts.length - 1], p[1]));
                } else {
                    String last = pick(r, LAST);
                    people.add(new Person(pick(r, FIRST) + " " + last, last, pick(r, TITLES)));
                }
            }
            List<String> orgs = new ArrayList<>();
            int nOrgs = 2 + r.nextInt(3);
            for (int i = 0; i < nOrgs; i++) {
                orgs.add(r.nextBoolean() ? pick(r, ORGS) : pick(r, ORG_STEMS) + " " + pick(r, ORG_KINDS));
            }
            List<String> places = new ArrayList<>();
            int nPlaces = 2 + r.nextInt(3);
            for (int i = 0; i < nPlaces; i++) {
                places.add(pick(r, PLACES));
            }
            boolean[] introduced = new boolean[people.size()];
            int target = 640 + r.nextInt(121);  // 640..760 tokens, about 700 on average
            StringBuilder text = new StringBuilder();
            int tokens = 0;
            int sentenceInParagraph = 0;
            int paragraphLength = 3 + r.nextInt(3);
            while (tokens < target) {
                String sentence = sentence(r, topic, people, introduced, orgs, places);
                if (text.length() > 0) {
                    if (sentenceInParagraph >= paragraphLength) {
                        text.append("\n\n");
                        sentenceInParagraph = 0;
                        paragraphLength = 3 + r.nextInt(3);
                    } else {
                        text.append(' ');
                    }
                }
                text.append(sentence);
                sentenceInParagraph++;
                tokens += approxTokens(sentence);
            }
            Person lead = people.get(0);
            String title = capitalize(lead.surname + " " + pick(r, new String[] {"warns of", "defends", "criticises",
                    "backs", "rejects"}) + " " + topic[1 + r.nextInt(topic.length - 1)] + " as " + places.get(0)
                    + " " + pick(r, new String[] {"braces for", "faces", "weighs"}) + " " + topic[0] + " fallout");
            return new Article(title, text.toString());
        }

        String sentence(SplittableRandom r, String[] topic, List<Person> people, boolean[] introduced,
                        List<String> orgs, List<String> places) {
            int who = r.nextInt(people.size());
            Person p = people.get(who);
            // first mention: title and full name; later: the surname alone, sometimes with the title
            String name = introduced[who] ? (r.nextInt(3) == 0 ? p.title + " " + p.surname : p.surname)
                    : p.title + " " + p.full;
            introduced[who] = true;
            String org = orgs.get(r.nextInt(orgs.size()));
            String place = places.get(r.nextInt(places.size()));
            String subject = topic[1 + r.nextInt(topic.length - 1)];
            return switch (r.nextInt(10)) {
                case 0 -> name + " told reporters in " + place + " on " + pick(r, DAYS) + " that " + subject
                        + " would dominate talks with " + org + " this week, adding that " + pick(r, CLAUSES) + ".";
                case 1 -> "\u201C" + pick(r, QUOTES) + ",\u201D " + (introduced[who] ? p.surname : name) + " said.";
                case 2 -> "\"" + pick(r, QUOTES) + ",\" " + name + " said in a statement released by " + org + ".";
                case 3 -> "According to " + org + ", more than " + number(r) + " " + pick(r, NOUNS) + " "
                        + pick(r, EVENT_VERBS) + " in " + place + " since " + pick(r, MONTHS) + ".";
                case 4 -> "The " + pick(r, ADJ) + " dispute over " + subject + " comes as " + org
                        + " prepares to " + pick(r, ACTIONS) + " a " + money(r) + " package for " + place + ".";
                case 5 -> name + " emphasized that " + place + " would not " + pick(r, ACTIONS)
                        + " any agreement without guarantees from " + org + ".";
                case 6 -> "Officials in " + place + " said " + (1 + r.nextInt(60)) + " percent of " + pick(r, NOUNS)
                        + " had been affected by " + subject + ", up from " + (1 + r.nextInt(30)) + " percent a year earlier.";
                case 7 -> name + " described the talks with " + org + " in " + place + " as \""
                        + pick(r, SHORT_QUOTES) + "\" but warned that " + pick(r, CLAUSES) + ".";
                case 8 -> "Analysts at " + org + " estimated the cost at " + money(r) + ", roughly "
                        + number(r) + " " + pick(r, NOUNS) + " a year, " + pick(r, CONNECTORS) + " " + pick(r, CLAUSES) + ".";
                default -> capitalize(pick(r, CLAUSES)) + ", " + pick(r, CONNECTORS) + " " + pick(r, CLAUSES) + ".";
            };
        }

        static String number(SplittableRandom r) {
            return switch (r.nextInt(3)) {
                case 0 -> String.format(Locale.ROOT, "%,d", (10 + r.nextInt(990)) * 100);
                case 1 -> Integer.toString(2 + r.nextInt(900));
                default -> String.format(Locale.ROOT, "%,d", (1 + r.nextInt(90)) * 1000);
            };
        }

        static String money(SplittableRandom r) {
            String[] currency = {"$", "\u20AC", "\u00A3"};
            return pick(r, currency) + (1 + r.nextInt(90)) + "." + r.nextInt(10) + " "
                    + (r.nextBoolean() ? "billion" : "million");
        }

        static String pick(SplittableRandom r, String[] values) {
            return values[r.nextInt(values.length)];
        }

        static String capitalize(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.,'-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]|[^\\s\\p{L}\\p{N}]");

        /** A rough PTB-like token count (the baseline reports CoreNLP's own count). */
        static int approxTokens(String s) {
            Matcher m = TOKEN.matcher(s);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Small helpers

    record RawJson(String json) {
    }

    static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof RawJson raw) {
            return raw.json;
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(quote(e.getKey().toString())).append(':').append(toJson(e.getValue()));
            }
            return b.append('}').toString();
        }
        throw new IllegalArgumentException("not JSON: " + value);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
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
        return b.append('"').toString();
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Object round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        if (digits == 0) {
            return Math.round(value);
        }
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }

    static void log(String format, Object... args) {
        System.err.println("[NlpBench] " + String.format(Locale.ROOT, format, args));
    }
}
