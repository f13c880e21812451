import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NewsLens fault suite's client (issue 10, "What it must show"). Started by {@code bench/faults.sh},
 * which has already started PostgreSQL (the local-postgres launcher) and the three services on free
 * loopback ports. Java single-file source program; its only dependency is the PostgreSQL JDBC driver:
 *
 * <pre>
 *   java -cp "local-postgres/target/lib/*" bench/FaultSuite.java --work DIR --app DIR --pg-port N \
 *       --ingest-port N --nlp-port N --query-port N --closed-port N [--scenarios nlp_kill,postgres_kill,hostile]
 * </pre>
 *
 * It kills and restarts PostgreSQL and nlp-service itself (it knows their pids from {@code DIR/pids/},
 * and writes the pids of the processes it starts there, so the script's EXIT trap stops those). Only
 * loopback addresses are ever connected to. Prints one JSON object on stdout, progress on stderr; exit
 * status 1 when any failing figure ({@code lost}, {@code doubled}, {@code server_errors}, ...) is not 0.
 */
public class FaultSuite {

    // ------------------------------------------------------------------------------------------------
    // Options

    static Path work;
    static Path app;
    static Path pgData;
    static int pgPort;
    static int ingestPort;
    static int nlpPort;
    static int queryPort;
    static int closedPort;
    static String commit = "unknown";
    static List<String> scenarios = List.of("nlp_kill", "postgres_kill", "hostile");
    static int nlpArticles = 2000;
    static double streamSeconds = 30;
    static double nlpGraceSeconds = 90;
    static String jdbcUrl;
    static long startedMillis = System.currentTimeMillis();

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
                case "--app" -> app = Path.of(args[++i]).toAbsolutePath();
                case "--pg-port" -> pgPort = Integer.parseInt(args[++i]);
                case "--ingest-port" -> ingestPort = Integer.parseInt(args[++i]);
                case "--nlp-port" -> nlpPort = Integer.parseInt(args[++i]);
                case "--query-port" -> queryPort = Integer.parseInt(args[++i]);
                case "--closed-port" -> closedPort = Integer.parseInt(args[++i]);
                case "--commit" -> commit = args[++i];
                case "--started-ms" -> startedMillis = Long.parseLong(args[++i]);
                case "--scenarios" -> scenarios = List.of(args[++i].split(","));
                case "--nlp-articles" -> nlpArticles = Integer.parseInt(args[++i]);
                case "--stream-seconds" -> streamSeconds = Double.parseDouble(args[++i]);
                case "--nlp-grace-seconds" -> nlpGraceSeconds = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        pgData = work.resolve("postgres");
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/newslens";
        long start = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commit", commit);
        Map<String, Object> results = new LinkedHashMap<>();
        out.put("scenarios", results);
        for (String scenario : scenarios) {
            log("=== scenario %s", scenario);
            long t = System.nanoTime();
            Map<String, Object> r;
            try {
                r = switch (scenario) {
                    case "nlp_kill" -> NlpKill.run();
                    case "postgres_kill" -> PostgresKill.run();
                    case "hostile" -> Hostile.run();
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                };
            } catch (Exception e) {
                r = new LinkedHashMap<>();
                r.put("error", e.toString());
                failures.add(scenario + ": did not complete: " + e);
                log("%s failed: %s", scenario, e);
            }
            r.put("seconds", round(seconds(t), 1));
            results.put(scenario, r);
        }
        double healthyWait = waitHealthy(120);
        out.put("healthy_after", healthyWait >= 0);
        if (healthyWait < 0) {
            failures.add("not every service answered /q/health/ready 200 within 120 s after the scenarios: " + readiness());
        }
        out.put("seconds", round((System.currentTimeMillis() - startedMillis) / 1000.0, 1));
        out.put("scenario_seconds", round(seconds(start), 1));
        out.put("failures", failures);
        System.out.println(Json.write(out));
        System.out.flush();
        for (String f : failures) {
            log("FAILED: %s", f);
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------------
    // Scenario 1: kill -9 of the PostgreSQL postmaster, twice, under a steady stream of writes

    static final class PostgresKill {
        static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        static final Pattern LINE_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
        static final Pattern ERROR_STATUS = Pattern.compile("\"error\"\\s*:\\s*\\{.*\"status\"\\s*:\\s*(\\d+)");
        static final Pattern ERROR_TYPE = Pattern.compile("problems/([a-z-]+)");

        record Ack(long id, String kind, long atNanos) {}

        static final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        static final Map<String, AtomicInteger> singleByStatus = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> bulkByStatus = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> bulkLines = new ConcurrentHashMap<>();
        static final AtomicInteger serverErrors = new AtomicInteger();
        static final AtomicInteger unavailable = new AtomicInteger();
        static final AtomicInteger noAnswer = new AtomicInteger();
        static final AtomicInteger notSent = new AtomicInteger();
        static final List<String> serverErrorSamples = Collections.synchronizedList(new ArrayList<>());
        static final AtomicInteger counter = new AtomicInteger();

        static Map<String, Object> run() throws Exception {
            // An open-loop stream: a ticker hands out 20 single POSTs and 2 bulk POSTs a second to small
            // pools, so slow answers during an outage do not slow the stream down (up to a bound).
            AtomicBoolean stop = new AtomicBoolean();
            java.util.concurrent.ExecutorService singles = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.ExecutorService bulks = java.util.concurrent.Executors.newFixedThreadPool(2);
            AtomicInteger queued = new AtomicInteger();
            Thread ticker = new Thread(() -> {
                long next = System.nanoTime();
                for (long tick = 0; !stop.get(); tick++) {
                    boolean bulk = tick % 10 == 0;
                    if (queued.get() >= 40) {
                        notSent.incrementAndGet(); // the pools are saturated: say so rather than pile up
                    } else {
                        queued.incrementAndGet();
                        (bulk ? bulks : singles).submit(() -> {
                            try {
                                if (bulk) {
                                    postBulk();
                                } else {
                                    postSingle();
                                }
                            } catch (Exception e) {
                                noAnswer.incrementAndGet();
                            } finally {
                                queued.decrementAndGet();
                            }
                        });
                    }
                    next += 50_000_000L;
                    sleepNanos(Math.max(0, next - System.nanoTime()));
                }
            }, "ticker");
            ticker.start();
            long t0 = System.nanoTime();
            List<Map<String, Object>> kills = new ArrayList<>();
            List<Long> killNanos = new ArrayList<>();
            double phase = streamSeconds / 4;
            try {
                for (int k = 1; k <= 2; k++) {
                    sleepSeconds(phase);
                    killNanos.add(System.nanoTime());
                    kills.add(Processes.killAndRestartPostgres(k, t0));
                }
                sleepSeconds(phase);
            } finally {
                stop.set(true);
                ticker.join();
                singles.shutdown();
                bulks.shutdown();
                singles.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
                bulks.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            double streamed = seconds(t0);
            log("stream stopped after %.1f s: %d acknowledged; waiting until every service is ready", streamed, acks.size());
            double healthy = waitHealthy(120);

            // Every acknowledged id must be stored, with its enrichment job.
            List<Long> ids = new ArrayList<>();
            Map<Long, Ack> byId = new HashMap<>();
            for (Ack a : acks) {
                ids.add(a.id);
                byId.put(a.id, a);
            }
            List<Long> missingArticle = missing(ids, "SELECT x.id FROM unnest(?::bigint[]) AS x(id) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM ingest.articles a WHERE a.id = x.id) ORDER BY x.id");
            List<Long> missingJob = missing(ids, "SELECT x.id FROM unnest(?::bigint[]) AS x(id) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM nlp.jobs j WHERE j.article_id = x.id) ORDER BY x.id");
            java.util.TreeSet<Long> lost = new java.util.TreeSet<>(missingArticle);
            lost.addAll(missingJob);
            List<String> lostExamples = new ArrayList<>();
            for (long id : lost) {
                if (lostExamples.size() >= 20) {
                    break;
                }
                Ack a = byId.get(id);
                lostExamples.add(id + " (" + a.kind + ", acknowledged " + describeAgainstKills(a.atNanos, killNanos) + ")");
            }

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("stream_seconds", round(streamed, 1));
            r.put("requests", sum(singleByStatus) + sum(bulkByStatus));
            r.put("acknowledged", ids.size());
            r.put("acknowledged_single", acks.stream().filter(a -> a.kind.equals("single")).count());
            r.put("acknowledged_bulk_lines", acks.stream().filter(a -> a.kind.equals("bulk")).count());
            r.put("acknowledged_within_1s_of_a_kill", acks.stream().filter(a -> killNanos.stream()
                    .anyMatch(k -> Math.abs(k - a.atNanos) <= 1_000_000_000L)).count());
            r.put("lost", lost.size());
            r.put("missing_article", missingArticle.size());
            r.put("missing_job", missingJob.size());
            r.put("lost_examples", lostExamples);
            r.put("single_by_status", counts(singleByStatus));
            r.put("bulk_by_status", counts(bulkByStatus));
            r.put("bulk_lines", counts(bulkLines));
            r.put("unavailable_503", unavailable.get());
            r.put("server_errors", serverErrors.get());
            r.put("server_error_samples", serverErrorSamples);
            r.put("no_answer", noAnswer.get());
            r.put("not_sent_pools_busy", notSent.get());
            r.put("kills", kills);
            r.put("healthy_after", healthy >= 0);
            r.put("seconds_until_healthy_after_stream", healthy < 0 ? null : round(healthy, 1));
            if (!lost.isEmpty()) {
                failures.add("postgres_kill: " + lost.size() + " acknowledged articles lost, e.g. " + lostExamples);
            }
            if (serverErrors.get() > 0) {
                failures.add("postgres_kill: " + serverErrors.get() + " server errors other than 503 with Retry-After, e.g. "
                        + serverErrorSamples.subList(0, Math.min(3, serverErrorSamples.size())));
            }
            if (noAnswer.get() > 0) {
                failures.add("postgres_kill: " + noAnswer.get() + " requests got no answer within 15 s");
            }
            if (healthy < 0) {
                failures.add("postgres_kill: services not ready 120 s after the stream: " + readiness());
            }
            return r;
        }

        /** "0.13 s after kill 1": where an acknowledgement fell against the nearest kill. */
        static String describeAgainstKills(long at, List<Long> kills) {
            int nearest = 0;
            for (int k = 1; k < kills.size(); k++) {
                if (Math.abs(kills.get(k) - at) < Math.abs(kills.get(nearest) - at)) {
                    nearest = k;
                }
            }
            double d = (kills.get(nearest) - at) / 1e9;
            return String.format(Locale.ROOT, "%.2f s %s kill %d", Math.abs(d), d >= 0 ? "before" : "after", nearest + 1);
        }

        static String article(int n) {
            SplittableRandom random = new SplittableRandom(n * 31L + RUN.hashCode());
            return "{\"title\":\"Outage stream " + RUN + " number " + n + "\",\"text\":\"" + Texts.sentences(random, 2, n)
                    + "\",\"url\":\"https://example.org/faults/" + RUN + "/stream/" + n + "\",\"source\":\"Fault Wire\"}";
        }

        static void postSingle() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/articles"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(article(counter.incrementAndGet()))).build();
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                noAnswer.incrementAndGet();
                singleByStatus.computeIfAbsent("no_answer", k -> new AtomicInteger()).incrementAndGet();
                return;
            }
            long at = System.nanoTime();
            int status = response.statusCode();
            singleByStatus.computeIfAbsent(Integer.toString(status), k -> new AtomicInteger()).incrementAndGet();
            if (status / 100 == 2) {
                Matcher m = ID.matcher(response.body());
                if (m.find()) {
                    acks.add(new Ack(Long.parseLong(m.group(1)), "single", at));
                }
            } else {
                classifyError("POST /api/v1/articles", status, response.headers().firstValue("Retry-After"), response.body());
            }
        }

        static void postBulk() throws Exception {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                body.append(article(counter.incrementAndGet())).append('\n');
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/articles/bulk"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            HttpResponse<InputStream> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                noAnswer.incrementAndGet();
                bulkByStatus.computeIfAbsent("no_answer", k -> new AtomicInteger()).incrementAndGet();
                return;
            }
            int status = response.statusCode();
            bulkByStatus.computeIfAbsent(Integer.toString(status), k -> new AtomicInteger()).incrementAndGet();
            // result lines come each after its batch committed: keep every one read, even if the stream breaks
            StringBuilder text = new StringBuilder();
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    text.append(line).append('\n');
                    if (status != 200 || line.isBlank() || line.startsWith("{\"summary\"")) {
                        continue;
                    }
                    Matcher s = LINE_STATUS.matcher(line);
                    String lineStatus = s.find() ? s.group(1) : "unreadable";
                    bulkLines.computeIfAbsent(lineStatus, k -> new AtomicInteger()).incrementAndGet();
                    if (lineStatus.equals("created") || lineStatus.equals("near_duplicate")) {
                        Matcher id = ID.matcher(line);
                        if (id.find()) {
                            acks.add(new Ack(Long.parseLong(id.group(1)), "bulk", System.nanoTime()));
                        }
                    } else if (lineStatus.equals("rejected")) {
                        Matcher es = ERROR_STATUS.matcher(line);
                        int lineError = es.find() ? Integer.parseInt(es.group(1)) : 0;
                        Matcher et = ERROR_TYPE.matcher(line);
                        String type = et.find() ? et.group(1) : "unknown";
                        bulkLines.computeIfAbsent("rejected:" + type, k -> new AtomicInteger()).incrementAndGet();
                        if (lineError == 503 && type.equals("database-unavailable")) {
                            unavailable.incrementAndGet();
                        } else if (lineError >= 500 || lineError == 0) {
                            serverError("bulk line: " + line);
                        }
                    }
                }
            } catch (IOException e) {
                bulkLines.computeIfAbsent("stream_broken", k -> new AtomicInteger()).incrementAndGet();
            }
            if (status != 200) {
                classifyError("POST /api/v1/articles/bulk", status, response.headers().firstValue("Retry-After"), text.toString());
            }
        }

        static void classifyError(String what, int status, Optional<String> retryAfter, String body) {
            if (status == 503 && retryAfter.isPresent()) {
                unavailable.incrementAndGet();
            } else if (status >= 500) {
                serverError(what + " " + status + (status == 503 ? " without Retry-After" : "") + ": " + first(body, 200));
            }
        }

        static void serverError(String sample) {
            serverErrors.incrementAndGet();
            if (serverErrorSamples.size() < 10) {
                serverErrorSamples.add(sample);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Scenario 2: kill -9 of nlp-service while its workers hold jobs

    static final class NlpKill {
        static Map<String, Object> run() throws Exception {
            Map<String, Object> r = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            List<Long> ids = postArticles();
            r.put("articles", ids.size());
            r.put("posted_seconds", round(seconds(t0), 1));
            if (ids.size() != nlpArticles) {
                failures.add("nlp_kill: " + ids.size() + " of " + nlpArticles + " articles were created");
            }
            Long[] idArray = ids.toArray(Long[]::new);

            // Wait for ~20 % enriched with jobs running, then kill the JVM that holds them.
            int target = Math.max(1, ids.size() / 5);
            List<Long> inflight = List.of();
            long deadline = System.nanoTime() + 300_000_000_000L;
            int[] c;
            while (true) {
                c = jobCounts(idArray);
                if (c[0] >= target && c[1] > 0) {
                    inflight = runningJobs(idArray);
                    if (!inflight.isEmpty()) {
                        break;
                    }
                }
                if (c[0] + c[2] >= ids.size() || System.nanoTime() > deadline) {
                    break;
                }
                sleepNanos(100_000_000L);
            }
            r.put("enriched_at_kill", c[0]);
            r.put("inflight_at_kill", inflight.size());
            if (inflight.isEmpty()) {
                failures.add("nlp_kill: no job was running when " + c[0] + " were enriched; nlp-service was not killed mid-work");
                r.put("killed", false);
                return r;
            }
            long killed = System.nanoTime();
            Processes.killNlp();
            long restarted = System.nanoTime();
            r.put("seconds_to_20_percent", round((killed - t0) / 1e9, 1));

            // Wait for every article; stop early only when nothing moves any more long after the restart.
            Long[] inflightArray = inflight.toArray(Long[]::new);
            double inflightDone = -1;
            double allDone = -1;
            double ready = -1;
            int lastDone = -1;
            long lastProgress = System.nanoTime();
            while (true) {
                double since = seconds(restarted);
                if (ready < 0 && httpStatus(nlpPort, "/q/health/ready") == 200) {
                    ready = since;
                }
                c = jobCounts(idArray);
                if (inflightDone < 0 && jobCounts(inflightArray)[0] == inflightArray.length) {
                    inflightDone = since;
                    log("in-flight jobs done %.1f s after the restart", since);
                }
                if (c[0] != lastDone) {
                    lastDone = c[0];
                    lastProgress = System.nanoTime();
                }
                if (c[0] + c[2] >= ids.size()) {
                    allDone = c[0] == ids.size() ? since : -1;
                    break;
                }
                boolean stuck = since > nlpGraceSeconds && seconds(lastProgress) > 15;
                if (stuck || since > 600) {
                    log("giving up %.0f s after the restart: %d of %d enriched, in-flight done: %s", since, c[0], ids.size(), inflightDone >= 0);
                    break;
                }
                sleepNanos(500_000_000L);
            }
            r.put("seconds_after_restart_until_ready", ready < 0 ? null : round(ready, 1));
            r.put("seconds_after_restart_until_inflight_done", inflightDone < 0 ? null : round(inflightDone, 1));
            r.put("inflight_done_within_60s", inflightDone >= 0 && inflightDone <= 60);
            r.put("seconds_after_restart_until_all_enriched", allDone < 0 ? null : round(allDone, 1));

            // Exactly once: one enrichment (and embedding) row per article, no mention twice.
            Map<String, Long> dbl = new LinkedHashMap<>();
            dbl.put("articles_with_several_enrichments", count(idArray,
                    "SELECT count(*) FROM (SELECT article_id FROM nlp.enrichments WHERE article_id = ANY(?) GROUP BY article_id HAVING count(*) > 1) d"));
            dbl.put("articles_with_several_embeddings", count(idArray,
                    "SELECT count(*) FROM (SELECT article_id FROM nlp.embeddings WHERE article_id = ANY(?) GROUP BY article_id HAVING count(*) > 1) d"));
            dbl.put("articles_with_several_jobs", count(idArray,
                    "SELECT count(*) FROM (SELECT article_id FROM nlp.jobs WHERE article_id = ANY(?) GROUP BY article_id HAVING count(*) > 1) d"));
            dbl.put("mentions_repeated_at_an_offset", count(idArray,
                    "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM nlp.mentions WHERE article_id = ANY(?) "
                            + "GROUP BY article_id, start_offset HAVING count(*) > 1) d"));
            dbl.put("mentions_repeated_span_and_entity", count(idArray,
                    "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM nlp.mentions WHERE article_id = ANY(?) "
                            + "GROUP BY article_id, entity_id, start_offset, end_offset HAVING count(*) > 1) d"));
            dbl.put("aliases_repeated", count(idArray,
                    "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM nlp.entity_aliases a WHERE a.entity_id IN "
                            + "(SELECT entity_id FROM nlp.mentions WHERE article_id = ANY(?)) GROUP BY entity_id, alias HAVING count(*) > 1) d"));
            long enriched = count(idArray, "SELECT count(DISTINCT article_id) FROM nlp.enrichments WHERE article_id = ANY(?)");
            long doubled = dbl.values().stream().mapToLong(Long::longValue).sum();
            long mentions = count(idArray, "SELECT count(*) FROM nlp.mentions WHERE article_id = ANY(?)");
            c = jobCounts(idArray);
            r.put("enriched", enriched);
            r.put("mentions", mentions);
            r.put("doubled", doubled);
            r.put("doubled_detail", dbl);
            r.put("lost", ids.size() - enriched);
            r.put("jobs_failed", c[2]);
            r.put("jobs_still_running", c[1]);
            r.put("total_seconds", round(seconds(t0), 1));
            if (doubled > 0) {
                failures.add("nlp_kill: doubled enrichment rows " + dbl);
            }
            if (enriched < ids.size()) {
                failures.add("nlp_kill: " + (ids.size() - enriched) + " articles not enriched when the suite gave up ("
                        + c[1] + " jobs still running, " + c[2] + " failed)");
            }
            if (inflightDone < 0 || inflightDone > 60) {
                failures.add("nlp_kill: the " + inflight.size() + " jobs in flight at the kill were "
                        + (inflightDone < 0 ? "not done " + round(seconds(restarted), 0) + " s after the restart" : "done only " + round(inflightDone, 1) + " s after the restart")
                        + " (goal: within 60 s)");
            }
            return r;
        }

        static List<Long> postArticles() throws Exception {
            List<Long> ids = new ArrayList<>();
            int perRequest = 500;
            for (int from = 0; from < nlpArticles; from += perRequest) {
                StringBuilder body = new StringBuilder();
                for (int n = from; n < Math.min(nlpArticles, from + perRequest); n++) {
                    SplittableRandom random = new SplittableRandom(n * 7919L + RUN.hashCode());
                    body.append("{\"title\":\"Briefing ").append(RUN).append(" no. ").append(n)
                            .append("\",\"text\":\"").append(Texts.sentences(random, 1 + random.nextInt(3), n))
                            .append("\",\"url\":\"https://example.org/faults/").append(RUN).append("/nlp/").append(n)
                            .append("\",\"source\":\"Fault Desk\",\"language\":\"en\"}\n");
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/articles/bulk"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("bulk post answered " + response.statusCode() + ": " + first(response.body(), 300));
                }
                for (String line : response.body().split("\n")) {
                    Matcher s = PostgresKill.LINE_STATUS.matcher(line);
                    Matcher id = PostgresKill.ID.matcher(line);
                    if (s.find() && (s.group(1).equals("created") || s.group(1).equals("near_duplicate")) && id.find()) {
                        ids.add(Long.parseLong(id.group(1)));
                    }
                }
            }
            log("posted %d articles for enrichment", ids.size());
            return ids;
        }

        /** done, running, failed among these articles' jobs. */
        static int[] jobCounts(Long[] ids) throws SQLException {
            try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'running'), "
                            + "count(*) FILTER (WHERE status = 'failed') FROM nlp.jobs WHERE article_id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
                }
            }
        }

        static List<Long> runningJobs(Long[] ids) throws SQLException {
            List<Long> running = new ArrayList<>();
            try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                    "SELECT article_id FROM nlp.jobs WHERE status = 'running' AND article_id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        running.add(rs.getLong(1));
                    }
                }
            }
            return running;
        }

        static long count(Long[] ids, String sql) throws SQLException {
            try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Scenario 3: hostile requests across every endpoint

    static final class Hostile {
        record Req(String service, int port, String method, String target, String contentType, byte[] body, String label) {}

        record Answer(int status, Map<String, String> headers, String body, double seconds) {}

        static final List<Req> requests = new ArrayList<>();
        static int unique = 0;

        /** Requests that strict JSON must refuse with a 4xx (issue 10): wrong types, duplicate keys, trailing tokens, broken JSON. */
        static final Pattern MUST_REFUSE = Pattern.compile("^(bulk: )?(number for|boolean for|object for|array for|huge number for"
                + "|huge integer for|raw control char|number in authors|string for authors|nested authors|duplicate|trailing"
                + "|two objects|truncated|json (null|array|string|number)|deeply nested|nested array|single quotes|comment)"
                + "|^feed (url number|duplicate key|trailing garbage|interval (string|1\\.5|boolean|array|1e400|huge)|nested)"
                + "|^(analyze|embed) (text|title|language) (123|true|\\{\\}|\\[|1e999999)"
                + "|^/api/v1/(analyze|embed) (duplicate keys|trailing garbage|two objects|nested)");
        static final Pattern STORED_LINE = Pattern.compile("\"status\"\\s*:\\s*\"(created|near_duplicate|duplicate)\"");

        static Map<String, Object> run() throws Exception {
            long existingArticle = firstId("SELECT min(article_id) FROM nlp.enrichments");
            long existingEntity = firstId("SELECT min(id) FROM nlp.entities");
            build(existingArticle, existingEntity);
            log("sending %d hostile requests", requests.size());

            Map<String, Map<String, Integer>> byStatus = new TreeMap<>();
            Map<String, Integer> serverErrorsByService = new TreeMap<>();
            List<Map<String, Object>> serverErrors = new ArrayList<>();
            List<String> notProblem = new ArrayList<>();
            int notProblemCount = 0;
            Map<String, Integer> missingNosniff = new TreeMap<>();
            List<String> noAnswer = new ArrayList<>();
            List<Object[]> latencies = new ArrayList<>(); // {seconds, description}
            List<String> acceptedMalformed = new ArrayList<>();
            int sent = 0;
            for (Req q : requests) {
                Answer a = send(q, 20);
                sent++;
                if (sent % 100 == 0) {
                    log("  %d/%d hostile requests sent", sent, requests.size());
                }
                String status = a == null ? "no_answer" : Integer.toString(a.status);
                byStatus.computeIfAbsent(q.service, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                if (a == null) {
                    noAnswer.add(q.method + " " + first(q.target, 150) + " [" + q.label + "]");
                    continue;
                }
                latencies.add(new Object[] {a.seconds, round(a.seconds, 2) + " s " + q.method + " " + first(q.target, 100) + " [" + q.label + "] -> " + a.status});
                if (a.status >= 500) {
                    serverErrorsByService.merge(q.service, 1, Integer::sum);
                    serverErrors.add(errorEntry(q, a.status, a.body));
                }
                if (MUST_REFUSE.matcher(q.label).find() && a.status / 100 == 2
                        && (!q.target.endsWith("/bulk") || STORED_LINE.matcher(a.body).find())) {
                    acceptedMalformed.add(q.service + " " + q.method + " " + first(q.target, 60) + " [" + q.label + "] -> " + a.status
                            + (q.target.endsWith("/bulk") ? " (line stored)" : ""));
                }
                if (q.target.endsWith("/bulk") && a.status == 200) {
                    for (String line : a.body.split("\n")) {
                        Matcher es = PostgresKill.ERROR_STATUS.matcher(line);
                        if (es.find() && Integer.parseInt(es.group(1)) >= 500) {
                            serverErrorsByService.merge(q.service, 1, Integer::sum);
                            serverErrors.add(errorEntry(q, Integer.parseInt(es.group(1)), "bulk line: " + line));
                        }
                    }
                }
                if (a.status >= 400 && !a.headers.getOrDefault("content-type", "").startsWith("application/problem+json")) {
                    notProblemCount++;
                    if (notProblem.size() < 30) {
                        notProblem.add(q.method + " " + first(q.target, 100) + " -> " + a.status + " "
                                + a.headers.getOrDefault("content-type", "(no content type)") + " [" + q.label + "]");
                    }
                }
                if (!"nosniff".equalsIgnoreCase(a.headers.getOrDefault("x-content-type-options", ""))) {
                    missingNosniff.merge(q.service, 1, Integer::sum);
                }
            }

            // The pathological HTML page: a 4xx within 2 s is the goal.
            String nested = "<html><body>" + "<div id=a>".repeat(10_000) + "x" + "</div>".repeat(10_000) + "</body></html>";
            Req html = new Req("ingest", ingestPort, "POST", "/api/v1/articles", "application/json",
                    ("{\"html\":" + Json.quote(nested) + ",\"url\":\"https://example.org/faults/" + RUN + "/nested\"}")
                            .getBytes(StandardCharsets.UTF_8), "150 KB of 10,000 nested divs");
            log("posting the %d KB page of 10,000 nested <div>s (timeout 10 s)", html.body.length / 1024);
            Answer nestedAnswer = send(html, 10);
            String nestedStatus = nestedAnswer == null ? "no_answer" : Integer.toString(nestedAnswer.status);
            byStatus.computeIfAbsent("ingest", k -> new TreeMap<>()).merge(nestedStatus, 1, Integer::sum);
            if (nestedAnswer != null && nestedAnswer.status >= 500) {
                serverErrorsByService.merge("ingest", 1, Integer::sum);
                serverErrors.add(errorEntry(html, nestedAnswer.status, nestedAnswer.body));
            }
            boolean nestedOk = nestedAnswer != null && nestedAnswer.status >= 400 && nestedAnswer.status < 500 && nestedAnswer.seconds <= 2;

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("requests", requests.size() + 1);
            r.put("by_status", byStatus);
            int total = serverErrors.size();
            r.put("server_errors", total);
            r.put("server_errors_by_service", serverErrorsByService);
            r.put("server_error_list", serverErrors);
            r.put("no_answer", noAnswer.size());
            r.put("no_answer_list", noAnswer);
            r.put("errors_not_problem_json", notProblemCount);
            r.put("errors_not_problem_json_examples", notProblem);
            r.put("missing_nosniff", missingNosniff.values().stream().mapToInt(Integer::intValue).sum());
            r.put("missing_nosniff_by_service", missingNosniff);
            latencies.sort((x, y) -> Double.compare((Double) y[0], (Double) x[0]));
            long slow = latencies.stream().filter(x -> (Double) x[0] > 10).count();
            r.put("accepted_malformed", acceptedMalformed.size());
            r.put("accepted_malformed_list", acceptedMalformed);
            r.put("slower_than_10s", slow);
            r.put("max_seconds_other_requests", latencies.isEmpty() ? null : round((Double) latencies.get(0)[0], 2));
            r.put("slowest_requests", latencies.stream().limit(10).map(x -> x[1]).toList());
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("status", nestedStatus);
            n.put("seconds", nestedAnswer == null ? ">10" : round(nestedAnswer.seconds, 2));
            n.put("refused_4xx_within_2s", nestedOk);
            r.put("nested_html", n);
            if (total > 0) {
                failures.add("hostile: " + total + " server errors " + serverErrorsByService);
            }
            if (!noAnswer.isEmpty()) {
                failures.add("hostile: " + noAnswer.size() + " requests got no answer within 20 s, e.g. " + noAnswer.subList(0, Math.min(3, noAnswer.size())));
            }
            if (notProblemCount > 0) {
                failures.add("hostile: " + notProblemCount + " error answers not application/problem+json");
            }
            if (!missingNosniff.isEmpty()) {
                failures.add("hostile: X-Content-Type-Options: nosniff missing on " + missingNosniff);
            }
            if (!acceptedMalformed.isEmpty()) {
                failures.add("hostile: " + acceptedMalformed.size() + " malformed or wrongly typed JSON bodies accepted (2xx) instead of refused with a 4xx");
            }
            if (slow > 0) {
                failures.add("hostile: " + slow + " requests took over 10 s to answer (unbounded work)");
            }
            if (!nestedOk) {
                failures.add("hostile: the nested-div HTML page was answered " + nestedStatus + " after "
                        + n.get("seconds") + " s (goal: 4xx within 2 s)");
            }
            return r;
        }

        static Map<String, Object> errorEntry(Req q, int status, String body) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("service", q.service);
            e.put("method", q.method);
            e.put("path", first(q.target, 200));
            e.put("label", q.label);
            e.put("status", status);
            e.put("body", first(body, 200));
            return e;
        }

        static long firstId(String sql) {
            try (Connection c = db(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : 1;
            } catch (SQLException e) {
                return 1;
            }
        }

        // --- the requests ---------------------------------------------------------------------------

        static void add(String service, String method, String target, String contentType, String body, String label) {
            int port = switch (service) {
                case "ingest" -> ingestPort;
                case "nlp" -> nlpPort;
                default -> queryPort;
            };
            requests.add(new Req(service, port, method, target, contentType,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), label));
        }

        static void addBytes(String service, String method, String target, String contentType, byte[] body, String label) {
            int port = service.equals("ingest") ? ingestPort : service.equals("nlp") ? nlpPort : queryPort;
            requests.add(new Req(service, port, method, target, contentType, body, label));
        }

        static String enc(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        /** A valid article with one field replaced by raw JSON (null: left out). */
        static String article(String field, String rawValue) {
            int n = ++unique;
            Map<String, String> f = new LinkedHashMap<>();
            f.put("title", Json.quote("Hostile " + RUN + " " + n));
            f.put("text", Json.quote("Antony Blinken met officials in Baghdad on hostile test " + RUN + " number " + n + "."));
            f.put("url", Json.quote("https://example.org/faults/" + RUN + "/hostile/" + n));
            f.put("publishedAt", Json.quote("2024-03-0" + (1 + n % 9) + "T10:00:00Z"));
            f.put("source", Json.quote("Hostile Wire"));
            f.put("language", Json.quote("en"));
            f.put("authors", "[\"Jane Roe\"]");
            f.put("externalId", Json.quote("hostile-" + RUN + "-" + n));
            if (field != null) {
                f.put(field, rawValue);
            }
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, String> e : f.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append('"').append(e.getKey()).append("\":").append(e.getValue());
            }
            return b.append('}').toString();
        }

        static final String[] ARTICLE_FIELDS = {"title", "text", "url", "publishedAt", "source", "language", "html", "externalId"};

        static List<String[]> hostileArticles() {
            List<String[]> list = new ArrayList<>(); // {label, body}
            for (String field : ARTICLE_FIELDS) {
                list.add(new String[] {"NUL in " + field, article(field, "\"a\\u0000b " + RUN + unique + "\"")});
                list.add(new String[] {"lone surrogate in " + field, article(field, "\"a\\ud800b " + RUN + unique + "\"")});
                list.add(new String[] {"lone low surrogate in " + field, article(field, "\"\\udc00" + RUN + unique + "\"")});
                list.add(new String[] {"raw control char in " + field, article(field, "\"a\u0001b\"")});
                list.add(new String[] {"number for " + field, article(field, "123")});
                list.add(new String[] {"boolean for " + field, article(field, "true")});
                list.add(new String[] {"object for " + field, article(field, "{\"a\":1}")});
                list.add(new String[] {"array for " + field, article(field, "[\"x\"]")});
                list.add(new String[] {"huge number for " + field, article(field, "1e999999")});
                list.add(new String[] {"huge integer for " + field, article(field, "9".repeat(400))});
            }
            list.add(new String[] {"NUL in authors", article("authors", "[\"a\\u0000b\"]")});
            list.add(new String[] {"surrogate in authors", article("authors", "[\"\\ud800\"]")});
            list.add(new String[] {"number in authors", article("authors", "[1,2]")});
            list.add(new String[] {"string for authors", article("authors", "\"Jane Roe\"")});
            list.add(new String[] {"10,000 authors", article("authors", "[" + "\"A B\",".repeat(9999) + "\"A B\"]")});
            list.add(new String[] {"nested authors", article("authors", "[".repeat(5000) + "]".repeat(5000))});
            for (String date : new String[] {"2023-13-45", "99999-01-01T00:00:00Z", "0000-00-00", "-1", "2023-11-05T25:00:00Z",
                    "yesterday", "2023-02-30", "+292278994-08-17T07:12:55Z", "1970-01-01T00:00:00+99:00", ""}) {
                list.add(new String[] {"bad date " + date, article("publishedAt", Json.quote(date))});
            }
            for (String url : new String[] {"javascript:alert(1)", "file:///etc/passwd", "http://", "http://[::1", "not a url",
                    "https://example.org/" + "a".repeat(20_000), "https://exa mple.org/x", "HTTPS://EXAMPLE.ORG:99999/x"}) {
                list.add(new String[] {"bad url " + first(url, 40), article("url", Json.quote(url))});
            }
            list.add(new String[] {"language 1000 chars", article("language", Json.quote("x".repeat(1000)))});
            list.add(new String[] {"title 5000 chars", article("title", Json.quote("T".repeat(5000)))});
            list.add(new String[] {"empty title", article("title", "\"\"")});
            list.add(new String[] {"missing text", article("text", null)});
            list.add(new String[] {"null text", article("text", "null")});
            list.add(new String[] {"whitespace text", article("text", "\"   \\n\\t  \"")});
            list.add(new String[] {"script html", article("html", Json.quote("<script>while(1){}</script>"))});
            list.add(new String[] {"empty html", article("html", "\"\"")});
            list.add(new String[] {"duplicate title key", "{\"title\":\"a\",\"title\":\"b\",\"text\":\"Duplicate keys " + RUN + " " + (++unique) + "\"}"});
            list.add(new String[] {"duplicate text key", "{\"title\":\"a\",\"text\":\"one " + RUN + (++unique) + "\",\"text\":\"two " + RUN + unique + "\"}"});
            list.add(new String[] {"trailing garbage", article(null, null) + " trailing garbage"});
            list.add(new String[] {"two objects", article(null, null) + article(null, null)});
            list.add(new String[] {"trailing bracket", article(null, null) + "]"});
            list.add(new String[] {"truncated object", first(article(null, null), 30)});
            list.add(new String[] {"empty object", "{}"});
            list.add(new String[] {"json null", "null"});
            list.add(new String[] {"json array", "[]"});
            list.add(new String[] {"json string", "\"article\""});
            list.add(new String[] {"json number", "42"});
            list.add(new String[] {"deeply nested arrays", "[".repeat(100_000) + "]".repeat(100_000)});
            list.add(new String[] {"deeply nested objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)});
            list.add(new String[] {"nested array in title", article("title", "[".repeat(10_000) + "]".repeat(10_000))});
            list.add(new String[] {"BOM before object", "\uFEFF" + article(null, null)});
            list.add(new String[] {"single quotes", "{'title':'a','text':'b'}"});
            list.add(new String[] {"comment", "/* x */" + article(null, null)});
            return list;
        }

        static void build(long article, long entity) {
            // --- ingest-service: one article (JSON and HTML)
            for (String[] a : hostileArticles()) {
                add("ingest", "POST", "/api/v1/articles", "application/json", a[1], a[0]);
            }
            String valid = article(null, null);
            for (String ct : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=latin-1", "application/x-ndjson", null, "garbage"}) {
                add("ingest", "POST", "/api/v1/articles", ct, article(null, null), "content type " + ct);
            }
            add("ingest", "POST", "/api/v1/articles", "application/json", "", "empty body");
            add("ingest", "POST", "/api/v1/articles", null, null, "no body, no content type");
            add("ingest", "POST", "/api/v1/articles", "application/json", article("text", Json.quote("x".repeat(1_100_000))), "text over 1,000,000 bytes");
            add("ingest", "POST", "/api/v1/articles", "application/json", article("html", Json.quote("<p>" + "y".repeat(10_500_000) + "</p>")), "body over 10 MB");
            addBytes("ingest", "POST", "/api/v1/articles", "application/json", concat(valid.substring(0, 20).getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, "\"}".getBytes(StandardCharsets.UTF_8)), "invalid UTF-8");
            for (String key : new String[] {"k".repeat(10_000), "ключ-" + RUN, " "}) {
                requests.add(new Req("ingest", ingestPort, "POST", "/api/v1/articles", "application/json\r\nIdempotency-Key: " + key,
                        article(null, null).getBytes(StandardCharsets.UTF_8), "odd Idempotency-Key " + first(key, 10)));
            }
            add("ingest", "PUT", "/api/v1/articles", "application/json", valid, "PUT on articles");
            add("ingest", "DELETE", "/api/v1/articles/1", null, null, "DELETE an article");
            add("ingest", "PATCH", "/api/v1/articles/bulk", "application/x-ndjson", valid, "PATCH bulk");

            // --- ingest-service: bulk NDJSON
            StringBuilder allBad = new StringBuilder();
            int i = 0;
            for (String[] a : hostileArticles()) {
                if (a[1].length() < 200_000) {
                    add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", a[1].replace("\n", " ") + "\n", "bulk: " + a[0]);
                    if (i++ % 3 == 0) {
                        allBad.append(a[1].replace("\n", " ")).append('\n');
                    }
                }
            }
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", allBad.toString(), "bulk: many hostile lines");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/json", article(null, null) + "\n", "bulk with application/json");
            add("ingest", "POST", "/api/v1/articles/bulk", "text/plain", article(null, null) + "\n", "bulk with text/plain");
            add("ingest", "POST", "/api/v1/articles/bulk", null, article(null, null) + "\n", "bulk without content type");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", "", "bulk empty body");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", "\n\n\n", "bulk blank lines");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", article(null, null) + "\r\n" + article(null, null) + "\r\n", "bulk CRLF");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", "{\"title\":\"x\",\"text\":\"" + "z".repeat(2_000_000) + "\"}\n", "bulk 2 MB line");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", "[".repeat(200_000) + "\n" + article(null, null) + "\n", "bulk nested line then a good one");
            addBytes("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", concat(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x0a},
                    (article(null, null) + "\n").getBytes(StandardCharsets.UTF_8)), "bulk invalid UTF-8 line");
            add("ingest", "POST", "/api/v1/articles/bulk", "application/x-ndjson", article(null, null), "bulk no final newline");

            // --- ingest-service: listing and one article
            String[] badNumbers = {"-1", "0", "abc", "1e3", "99999999999999999999", "%00", "1.5", "%20", "-9223372036854775808", "9223372036854775807"};
            for (String v : badNumbers) {
                add("ingest", "GET", "/api/v1/articles?limit=" + v, null, null, "listing limit " + v);
                add("ingest", "GET", "/api/v1/articles?after=" + v, null, null, "listing after " + v);
            }
            for (String v : new String[] {"2023-13-45", "yesterday", "%00", "99999-01-01", "-1", "2023-11-05T25:00:00Z", "%ff", "1e400"}) {
                add("ingest", "GET", "/api/v1/articles?since=" + v, null, null, "listing since " + v);
            }
            for (String v : new String[] {"%00", "%ed%a0%80", enc("x".repeat(5000)), "%27%3B%20DROP%20TABLE%20x%3B--", "a&source=b"}) {
                add("ingest", "GET", "/api/v1/articles?source=" + v, null, null, "listing source " + first(v, 20));
            }
            String[] badIds = {"-1", "0", "abc", "99999999999999999999", "%00", "1.5", "..%2F..%2Fetc%2Fpasswd", "..%252F..%252F",
                    "1%3Bdrop", "%ed%a0%80", "0x10", "1e3", "%20" + article, "9223372036854775808"};
            for (String v : badIds) {
                add("ingest", "GET", "/api/v1/articles/" + v, null, null, "article id " + v);
            }
            for (String v : new String[] {"%zz", "%", "%e0%80", "%c3", "%ed%a0%80%zz"}) {
                add("ingest", "GET", "/api/v1/articles?source=" + v, null, null, "malformed percent-encoding " + v);
                add("ingest", "GET", "/api/v1/articles/" + v, null, null, "malformed percent-encoding in path " + v);
            }
            add("ingest", "GET", "/../../../etc/passwd", null, null, "raw path traversal");
            add("ingest", "GET", "/api/v1/articles/..%2f..%2f..%2fetc%2fpasswd", null, null, "encoded traversal");

            // --- ingest-service: feeds (ONLY closed loopback ports and .invalid hosts)
            String closed = "http://127.0.0.1:" + closedPort;
            String[] feedUrls = {closed + "/feed.xml", "http://localhost:" + closedPort + "/", "http://feed.invalid/rss",
                    "https://feed.invalid:99999/rss", "ftp://feed.invalid/rss", "file://feed.invalid/etc/passwd",
                    "javascript://feed.invalid/%0aalert(1)", "http://user:pass@feed.invalid/", closed + "/../../etc/passwd",
                    "http://feed.invalid/" + "p".repeat(10_000), "gopher://feed.invalid/", "http://feed.invalid/\u0000",
                    "http://[::1]:" + closedPort + "/", "HTTP://FEED.INVALID/RSS", "http://feed.invalid/%zz", "http://xn--n3h.invalid/"};
            for (String u : feedUrls) {
                add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":" + Json.quote(u) + "}", "feed url " + first(u, 40));
            }
            String feed = Json.quote("http://feed-" + RUN + ".invalid/rss");
            for (String[] v : new String[][] {{"0", "interval 0"}, {"-1", "interval -1"}, {"10081", "interval 10081"}, {"1e400", "interval 1e400"},
                    {"\"15\"", "interval string"}, {"1.5", "interval 1.5"}, {"true", "interval boolean"}, {"99999999999999999999", "interval huge"},
                    {"[15]", "interval array"}, {"null", "interval null"}}) {
                add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":" + feed + ",\"intervalMinutes\":" + v[0] + "}", "feed " + v[1]);
            }
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":" + feed + ",\"source\":\"a\\u0000b\"}", "feed NUL source");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":" + feed + ",\"source\":\"\\ud800\"}", "feed surrogate source");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":\"http://feed.invalid/a\\u0000\"}", "feed NUL url");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":\"http://feed.invalid/\\udfff\"}", "feed surrogate url");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":123}", "feed url number");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":" + feed + ",\"url\":" + feed + "}", "feed duplicate key");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "{\"url\":" + feed + "} garbage", "feed trailing garbage");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "", "feed empty body");
            add("ingest", "POST", "/api/v1/feeds", "text/plain", "{\"url\":" + feed + "}", "feed text/plain");
            add("ingest", "POST", "/api/v1/feeds", "application/json", "[".repeat(100_000), "feed nested");
            add("ingest", "GET", "/api/v1/feeds", null, null, "feeds list");
            add("ingest", "GET", "/api/v1/feeds?limit=-1&after=%00", null, null, "feeds list junk params");
            for (String v : badIds) {
                add("ingest", "GET", "/api/v1/feeds/" + v, null, null, "feed id " + v);
                add("ingest", "DELETE", "/api/v1/feeds/" + v, null, null, "delete feed id " + v);
            }

            // --- nlp-service
            String[] texts = {"\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "123", "true", "{}", "[\"x\"]", "null", "\"\"",
                    "\"   \"", "1e999999", "[".repeat(5000) + "]".repeat(5000), Json.quote("x".repeat(1_100_000))};
            for (String t : texts) {
                String label = first(t, 20);
                add("nlp", "POST", "/api/v1/analyze", "application/json", "{\"text\":" + t + "}", "analyze text " + label);
                add("nlp", "POST", "/api/v1/embed", "application/json", "{\"text\":" + t + "}", "embed text " + label);
                add("nlp", "POST", "/api/v1/analyze", "application/json", "{\"text\":\"Blinken in Baghdad.\",\"title\":" + t + "}", "analyze title " + label);
                add("nlp", "POST", "/api/v1/analyze", "application/json", "{\"text\":\"Blinken in Baghdad.\",\"language\":" + t + "}", "analyze language " + label);
            }
            for (String ep : new String[] {"/api/v1/analyze", "/api/v1/embed"}) {
                add("nlp", "POST", ep, "application/json", "{\"text\":\"a\",\"text\":\"b\"}", ep + " duplicate keys");
                add("nlp", "POST", ep, "application/json", "{\"text\":\"Blinken.\"} garbage", ep + " trailing garbage");
                add("nlp", "POST", ep, "application/json", "{\"text\":\"Blinken.\"}{}", ep + " two objects");
                add("nlp", "POST", ep, "application/json", "", ep + " empty body");
                add("nlp", "POST", ep, null, null, ep + " no body");
                add("nlp", "POST", ep, "text/plain", "{\"text\":\"Blinken.\"}", ep + " text/plain");
                add("nlp", "POST", ep, "application/xml", "<text>Blinken.</text>", ep + " xml");
                add("nlp", "POST", ep, "application/json", "[".repeat(100_000), ep + " nested arrays");
                add("nlp", "POST", ep, "application/json", "{\"text\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) + "}", ep + " nested objects");
                add("nlp", "POST", ep, "application/json", "{\"text\":\"Blinken.\",\"language\":\"" + "x".repeat(10_000) + "\"}", ep + " long language");
                add("nlp", "POST", ep, "application/json", "{\"text\":\"" + "y".repeat(11_000_000) + "\"}", ep + " body over 10 MB");
                add("nlp", "GET", ep, null, null, ep + " GET");
                addBytes("nlp", "POST", ep, "application/json", concat("{\"text\":\"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xff, (byte) 0xc3}, "\"}".getBytes(StandardCharsets.UTF_8)), ep + " invalid UTF-8");
            }
            add("nlp", "POST", "/api/v1/jobs/wake", "application/json", "[".repeat(10_000), "wake with nested body");
            add("nlp", "POST", "/api/v1/jobs/wake", "text/plain", "garbage", "wake with text");
            add("nlp", "POST", "/api/v1/jobs/wake", null, null, "wake");
            add("nlp", "GET", "/api/v1/jobs/wake", null, null, "wake GET");
            add("nlp", "GET", "/api/v1/jobs/stats?x=%00", null, null, "stats junk param");
            add("nlp", "POST", "/api/v1/jobs/stats", "application/json", "{}", "stats POST");
            for (String v : badIds) {
                add("nlp", "POST", "/api/v1/jobs/" + v + "/retry", null, null, "retry id " + v);
                add("nlp", "GET", "/api/v1/articles/" + v + "/analysis", null, null, "analysis id " + v);
            }
            add("nlp", "POST", "/api/v1/jobs/" + article + "/retry", null, null, "retry a done job");
            for (String v : new String[] {"%zz", "%", "%e0%80"}) {
                add("nlp", "GET", "/api/v1/articles/" + v + "/analysis", null, null, "analysis malformed percent " + v);
                add("nlp", "POST", "/api/v1/jobs/" + v + "/retry", null, null, "retry malformed percent " + v);
            }

            // --- query-service
            List<String[]> qs = new ArrayList<>(); // {label, raw query string value (already encoded)}
            String[] costly = {"/a{0,99999}/", "/(a|aa)*b/", "/.*.*.*.*.*.*.*.*x/", "/[a-z]{1,50}[0-9]{1,50}/", "*a*", "*", "?*?*?*?*",
                    "*blinken", "text:*a", "a~2 b~2 c~2 d~2 e~2 f~2 g~2 h~2 i~2 j~2 k~2 l~2 m~2 n~2 o~2 p~2",
                    String.join(" ", Collections.nCopies(50, "blinken~2")), orClauses(1000), orClauses(5000),
                    "\"a b c d e f g h i j\"~1000000", "published:[0000-01-01 TO 9999-12-31]", "published:[2023-13-45 TO *]",
                    "tone:<abc", "tone:[-1e400 TO 1e400]", "entity_id:abc", "entity_id:99999999999999999999", "title:/a{0,9999}/",
                    "(" .repeat(5000) + "a" + ")".repeat(5000), "a\u0000b", "\ud800", "nosuchfield:x", "AND OR NOT", "\\", "\"", "[a TO",
                    "x".repeat(100_000), "lang:" + "x".repeat(1000), "author:\u0000"};
            for (String q : costly) {
                qs.add(new String[] {first(q, 30), enc(q)});
            }
            for (String[] q : qs) {
                add("query", "GET", "/api/v1/search?q=" + q[1], null, null, "search q " + q[0]);
                add("query", "GET", "/api/v1/search?q=blinken&filter=" + q[1], null, null, "search filter " + q[0]);
                add("query", "GET", "/api/v1/search?mode=hybrid&q=" + q[1], null, null, "hybrid q " + q[0]);
                add("query", "GET", "/api/v1/search?mode=semantic&q=drought&filter=" + q[1], null, null, "semantic filter " + q[0]);
                add("query", "GET", "/api/v1/timeline?interval=day&q=" + q[1], null, null, "timeline q " + q[0]);
                add("query", "GET", "/api/v1/compare?q=" + q[1], null, null, "compare q " + q[0]);
                add("query", "GET", "/api/v1/export?format=ndjson&q=" + q[1], null, null, "export q " + q[0]);
                add("query", "GET", "/api/v1/graph?q=" + q[1], null, null, "graph q " + q[0]);
            }
            for (String q : new String[] {"a\u0000b", "\ud800", "\udc00x", "x".repeat(200_000), "", "%", "Blinken \ud83d"}) {
                add("query", "GET", "/api/v1/search?mode=semantic&q=" + enc(q), null, null, "semantic q " + first(q, 20));
            }
            add("query", "GET", "/api/v1/search?mode=semantic&q=%ed%a0%80", null, null, "semantic q encoded surrogate");
            add("query", "GET", "/api/v1/search?mode=hybrid&q=%ed%a0%80", null, null, "hybrid q encoded surrogate");
            for (String v : new String[] {"0", "-1", "101", "1000000000", "abc", "%00", "1.5", "99999999999999999999", ""}) {
                add("query", "GET", "/api/v1/search?q=blinken&size=" + v, null, null, "search size " + v);
                add("query", "GET", "/api/v1/articles/" + article + "/similar?size=" + v, null, null, "similar size " + v);
                add("query", "GET", "/api/v1/entities?q=b&size=" + v, null, null, "entities size " + v);
                add("query", "GET", "/api/v1/graph?size=" + v, null, null, "graph size " + v);
            }
            for (String v : new String[] {"bogus", "%00", "relevance,date", "DATE", "x".repeat(5000)}) {
                add("query", "GET", "/api/v1/search?q=blinken&sort=" + v, null, null, "search sort " + first(v, 20));
                add("query", "GET", "/api/v1/search?q=blinken&mode=" + v, null, null, "search mode " + first(v, 20));
                add("query", "GET", "/api/v1/search?q=blinken&facets=" + v, null, null, "search facets " + first(v, 20));
                add("query", "GET", "/api/v1/timeline?q=blinken&interval=" + v, null, null, "timeline interval " + first(v, 20));
                add("query", "GET", "/api/v1/export?q=blinken&format=" + v, null, null, "export format " + first(v, 20));
                add("query", "GET", "/api/v1/graph?q=blinken&format=" + v, null, null, "graph format " + first(v, 20));
                add("query", "GET", "/api/v1/entities?q=b&type=" + v, null, null, "entities type " + first(v, 20));
            }
            add("query", "GET", "/api/v1/search?q=blinken&facets=" + "entity,".repeat(2000) + "source", null, null, "2001 facets");
            add("query", "GET", "/api/v1/timeline?q=*&interval=hour", null, null, "hourly timeline of everything");
            add("query", "GET", "/api/v1/graph?q=*&size=100000&format=graphml", null, null, "huge graph");
            add("query", "GET", "/api/v1/export?format=csv", null, null, "csv export of everything");
            String[] cursors = {"bogus", "!!!", "%00", "AAAA", b64("a:b:c"), b64("1:2"), b64("-1:-1:-1"), b64("99999999999999999999:1:1"),
                    b64("\u0000"), "x".repeat(10_000), b64("NaN:NaN:1"), b64("1:" + "9".repeat(50) + ":1")};
            for (String c : cursors) {
                add("query", "GET", "/api/v1/search?q=blinken&cursor=" + enc(c), null, null, "cursor " + first(c, 20));
                add("query", "GET", "/api/v1/search?q=blinken&sort=date&cursor=" + enc(c), null, null, "date cursor " + first(c, 20));
            }
            add("query", "GET", "/api/v1/search?mode=semantic&q=drought&cursor=AAAA", null, null, "semantic with cursor");
            for (String v : badIds) {
                add("query", "GET", "/api/v1/articles/" + v, null, null, "query article id " + v);
                add("query", "GET", "/api/v1/articles/" + v + "/similar", null, null, "similar id " + v);
                add("query", "GET", "/api/v1/entities/" + v, null, null, "entity id " + v);
            }
            add("query", "GET", "/api/v1/articles/" + article, null, null, "an existing article");
            add("query", "GET", "/api/v1/entities/" + entity, null, null, "an existing entity");
            for (String v : new String[] {"%00", "%ed%a0%80", "\\", "*", "a*b?c", "%25", enc("x".repeat(10_000)), "%27%20OR%201%3D1--", "_", "%5C%25"}) {
                add("query", "GET", "/api/v1/entities?q=" + v, null, null, "entities q " + first(v, 20));
            }
            for (String v : new String[] {"%zz", "%", "%e0%80", "%c3"}) {
                add("query", "GET", "/api/v1/search?q=" + v, null, null, "search malformed percent " + v);
                add("query", "GET", "/api/v1/entities?q=" + v, null, null, "entities malformed percent " + v);
                add("query", "GET", "/api/v1/entities/" + v, null, null, "entity malformed percent " + v);
                add("query", "GET", "/api/v1/articles/" + v + "/similar", null, null, "similar malformed percent " + v);
            }
            add("query", "POST", "/api/v1/search", "application/json", "{}", "POST search");
            add("query", "GET", "/../../../etc/passwd", null, null, "raw path traversal");
        }

        static String orClauses(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(" OR ");
                }
                b.append("w").append(i).append('*');
            }
            return b.toString();
        }

        static String b64(String s) {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (byte[] p : parts) {
                b.writeBytes(p);
            }
            return b.toByteArray();
        }

        // --- sending: a plain HTTP/1.1 socket, so that malformed targets and odd headers go out as written

        static Answer send(Req q, int timeoutSeconds) {
            long t = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", q.port), 3000);
                socket.setSoTimeout(timeoutSeconds * 1000);
                StringBuilder head = new StringBuilder();
                head.append(q.method).append(' ').append(q.target).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(q.port)
                        .append("\r\nConnection: close\r\nAccept: */*\r\n");
                if (q.contentType != null) {
                    head.append("Content-Type: ").append(q.contentType).append("\r\n");
                }
                if (q.body != null) {
                    head.append("Content-Length: ").append(q.body.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (q.body != null) {
                    try {
                        out.write(q.body);
                    } catch (IOException refused) {
                        // the server may answer (413) and close before the whole body is sent: read its answer
                    }
                }
                out.flush();
                long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                String status = readLine(in);
                if (status == null || !status.startsWith("HTTP/1.")) {
                    return null;
                }
                int code = Integer.parseInt(status.split(" ")[1]);
                Map<String, String> headers = new HashMap<>();
                String h;
                while ((h = readLine(in)) != null && !h.isEmpty()) {
                    int colon = h.indexOf(':');
                    if (colon > 0) {
                        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                    }
                }
                byte[] body;
                if (q.method.equals("HEAD") || code == 204 || code == 304) {
                    body = new byte[0];
                } else if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
                    body = readChunked(in, deadline);
                } else if (headers.containsKey("content-length")) {
                    body = readAtMost(in, Long.parseLong(headers.get("content-length")), deadline);
                } else {
                    body = readAtMost(in, Long.MAX_VALUE, deadline);
                }
                return new Answer(code, headers, new String(body, StandardCharsets.UTF_8), seconds(t));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static final int KEEP = 1 << 20; // bytes of a body kept; the rest is read and dropped

        static byte[] readAtMost(InputStream in, long length, long deadline) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long left = length;
            while (left > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("body not read in time");
                }
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                if (b.size() < KEEP) {
                    b.write(buffer, 0, n);
                }
                left -= n;
            }
            return b.toByteArray();
        }

        static byte[] readChunked(InputStream in, long deadline) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = readLine(in);
                if (size == null) {
                    break;
                }
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    break;
                }
                byte[] chunk = readAtMost(in, n, deadline);
                if (b.size() < KEEP) {
                    b.writeBytes(chunk);
                }
                readLine(in);
            }
            return b.toByteArray();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Killing and restarting processes (the pids of what runs are in work/pids/<name>)

    static final class Processes {
        static final String JAVA = ProcessHandle.current().info().command().orElse("java");

        static long pid(String name) throws IOException {
            return Long.parseLong(Files.readString(work.resolve("pids").resolve(name)).trim());
        }

        static void writePid(String name, long pid) throws IOException {
            Files.writeString(work.resolve("pids").resolve(name), Long.toString(pid));
        }

        static Map<String, Object> killAndRestartPostgres(int k, long t0) throws Exception {
            Map<String, Object> r = new LinkedHashMap<>();
            long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
            log("kill %d: kill -9 of the PostgreSQL postmaster %d at %.1f s", k, postmaster, seconds(t0));
            long killed = System.nanoTime();
            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
            r.put("at_s", round(seconds(t0), 1));
            r.put("postmaster", postmaster);
            // the launcher's shutdown hook cannot stop a dead server; then the old backends must be gone
            // (they hold the shared memory a new postmaster refuses to share)
            stop(pid("pg"), 20);
            r.put("launcher_stopped_after_s", round(seconds(killed), 1));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!processesIn(pgData).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL processes still running in " + pgData + ": " + processesIn(pgData));
                }
                sleepNanos(100_000_000L);
            }
            r.put("old_backends_gone_after_s", round(seconds(killed), 1));
            Path logFile = work.resolve("postgres.log");
            long readyBefore = countLines(logFile, "PostgreSQL ready");
            Process launcher = new ProcessBuilder(JAVA, "-cp",
                    app.resolve("local-postgres/local-postgres.jar") + ":" + app.resolve("local-postgres/lib") + "/*",
                    "org.newslens.localpg.LocalPostgres", pgData.toString(), Integer.toString(pgPort))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            writePid("pg", launcher.pid());
            deadline = System.nanoTime() + 120_000_000_000L;
            while (countLines(logFile, "PostgreSQL ready") <= readyBefore) {
                if (!launcher.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not start again after kill " + k + "; see postgres.log");
                }
                sleepNanos(100_000_000L);
            }
            r.put("down_s", round(seconds(killed), 1));
            log("kill %d: PostgreSQL ready again %.1f s after the kill", k, seconds(killed));
            return r;
        }

        static void killNlp() throws Exception {
            long old = pid("nlp");
            log("kill -9 of nlp-service (pid %d)", old);
            ProcessHandle.of(old).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(old).ifPresent(p -> p.onExit().join());
            ProcessBuilder b = new ProcessBuilder(JAVA, "-jar", app.resolve("nlp-service/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("nlp-service.log").toFile()));
            for (String line : Files.readAllLines(work.resolve("env/nlp-service.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    b.environment().put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            Process nlp = b.start();
            writePid("nlp", nlp.pid());
            log("nlp-service started again (pid %d)", nlp.pid());
        }

        static void stop(long pid, int seconds) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty()) {
                return;
            }
            p.get().destroy();
            try {
                p.get().onExit().get(seconds, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.get().destroyForcibly();
            }
        }

        /** Processes whose working directory is this directory (PostgreSQL's processes chdir to their data directory). */
        static List<Long> processesIn(Path dir) throws IOException {
            List<Long> found = new ArrayList<>();
            try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path p : procs) {
                    try {
                        if (Files.readSymbolicLink(p.resolve("cwd")).equals(dir)) {
                            found.add(Long.parseLong(p.getFileName().toString()));
                        }
                    } catch (IOException | RuntimeException gone) {
                        // ended meanwhile, or not ours
                    }
                }
            }
            return found;
        }

        static long countLines(Path file, String text) throws IOException {
            if (!Files.exists(file)) {
                return 0;
            }
            try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                return lines.filter(l -> l.contains(text)).count();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Generated text: short news-like sentences with names the NER knows, unique per article

    static final class Texts {
        static final String[] PEOPLE = {"Antony Blinken", "Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Rishi Sunak", "Xi Jinping",
                "Narendra Modi", "Angela Merkel", "Jane Holloway", "Marcus Webb", "Priya Raman", "Tomas Lindqvist"};
        static final String[] PLACES = {"Baghdad", "Paris", "Berlin", "Nairobi", "Jakarta", "Lima", "Oslo", "Cairo", "Ankara",
                "Toronto", "Manila", "Warsaw"};
        static final String[] ORGS = {"the United Nations", "the World Bank", "NATO", "the European Union", "Reuters",
                "the International Monetary Fund", "Siemens", "Toyota"};
        static final String[] VERBS = {"met officials in", "arrived in", "criticised a plan announced in", "praised workers in",
                "warned of shortages in", "signed an agreement in", "spoke to reporters in"};
        static final String[] TOPICS = {"water prices", "a grain deal", "port tariffs", "flood defences", "rail strikes",
                "school funding", "power cuts", "fishing quotas", "a border dispute", "vaccine supplies"};

        static String sentences(SplittableRandom r, int count, int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                switch (r.nextInt(3)) {
                    case 0 -> b.append(pick(r, PEOPLE)).append(' ').append(pick(r, VERBS)).append(' ').append(pick(r, PLACES))
                            .append(" on Tuesday to discuss ").append(pick(r, TOPICS)).append('.');
                    case 1 -> b.append("Officials from ").append(pick(r, ORGS)).append(" said ").append(2 + r.nextInt(900))
                            .append(" people in ").append(pick(r, PLACES)).append(" were affected by ").append(pick(r, TOPICS)).append('.');
                    default -> b.append("\\\"We will not accept ").append(pick(r, TOPICS)).append(",\\\" ")
                            .append(pick(r, PEOPLE)).append(" told ").append(pick(r, ORGS)).append('.');
                }
            }
            // a unique tail so that no two articles are exact or near duplicates
            return b.append(" Report ").append(RUN).append('-').append(n).append(" code ").append(Long.toString(r.nextLong() >>> 1, 36))
                    .append('.').toString();
        }

        static String pick(SplittableRandom r, String[] options) {
            return options[r.nextInt(options.length)];
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers

    static Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "newslens", "newslens");
    }

    static List<Long> missing(List<Long> ids, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids.toArray(Long[]::new));
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    static int httpStatus(int port, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static Map<String, Integer> readiness() {
        Map<String, Integer> r = new LinkedHashMap<>();
        r.put("ingest", httpStatus(ingestPort, "/q/health/ready"));
        r.put("nlp", httpStatus(nlpPort, "/q/health/ready"));
        r.put("query", httpStatus(queryPort, "/q/health/ready"));
        return r;
    }

    /** Seconds until all three services answer /q/health/ready 200, or -1 after the limit. */
    static double waitHealthy(int limitSeconds) {
        long t = System.nanoTime();
        while (seconds(t) < limitSeconds) {
            if (readiness().values().stream().allMatch(s -> s == 200)) {
                return seconds(t);
            }
            sleepNanos(500_000_000L);
        }
        return -1;
    }

    static Map<String, Integer> counts(Map<String, AtomicInteger> m) {
        Map<String, Integer> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    static int sum(Map<String, AtomicInteger> m) {
        return m.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static String first(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n) + "…";
    }

    static void sleepSeconds(double s) {
        sleepNanos((long) (s * 1e9));
    }

    static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static void log(String format, Object... args) {
        System.err.printf("[faults] " + format + "%n", args);
    }

    /** Minimal JSON writer (maps, lists, strings, numbers, booleans, null). */
    static final class Json {
        static String write(Object value) {
            StringBuilder b = new StringBuilder();
            write(b, value);
            return b.toString();
        }

        static void write(StringBuilder b, Object value) {
            if (value == null) {
                b.append("null");
            } else if (value instanceof Map<?, ?> map) {
                b.append('{');
                boolean firstEntry = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!firstEntry) {
                        b.append(',');
                    }
                    firstEntry = false;
                    b.append(quote(String.valueOf(e.getKey()))).append(':');
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
                b.append(quote(value.toString()));
            }
        }

        /** A JSON string literal; control characters and lone surrogates escaped. */
        static String quote(String s) {
            StringBuilder b = new StringBuilder(s.length() + 2).append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c)) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
