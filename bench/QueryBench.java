import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Benchmark client for NewsLens query-service: generates news-like articles straight into ingest.* and
 * nlp.* (phase {@code load}), then measures the Lucene index build, HTTP query latency per query class,
 * semantic recall@10 against exact search, and a PostgreSQL full-text-search baseline in the same run
 * (phase {@code measure}). Java single-file source program; its only dependency is the PostgreSQL JDBC
 * driver. bench/query-search.sh starts the database and the services and calls both phases:
 *
 * <pre>
 *   java -cp "local-postgres/target/lib/*" bench/QueryBench.java --phase load --jdbc-url URL \
 *       --articles N --vectors M [--seed 42] --state FILE --nlp-url URL
 *   java -cp "local-postgres/target/lib/*" bench/QueryBench.java --phase measure --jdbc-url URL \
 *       --articles N --vectors M [--seed 42] --state FILE --query-url URL --nlp-url URL \
 *       [--query-started-ms EPOCH_MS] [--query-pid PID] [--knn-candidates N] [--index-dir DIR] \
 *       [--queries 200] [--pg-queries 200] [--class-budget-s 60] [--recall-queries 50] [--skip-postgres|--measure-postgres]
 * </pre>
 *
 * The measure phase prints one JSON object on stdout (merging what the load phase left in the state
 * file); progress goes to stderr. Everything is generated deterministically from the seed: article i
 * depends only on (seed, i), so the measure phase regenerates the vocabulary, entity pool and any
 * article's text to pick its queries.
 */
public class QueryBench {

    // ------------------------------------------------------------------------------------------------
    // Options

    static String phase = "";
    static String jdbcUrl;
    static String dbUser = "newslens";
    static String dbPassword = "newslens";
    static int articles = 1_000_000;
    static int vectors = -1;
    static long seed = 42;
    static Path state;
    static String queryUrl;
    static String nlpUrl;
    static long queryStartedMs = -1;
    static long queryPid = -1;
    static String knnCandidates = "service default";
    static Path indexDir;
    static int queriesPerClass = 200;
    static int pgQueriesPerClass = 200;
    static double classBudgetS = 60;
    static int recallQueries = 50;
    static boolean skipPostgres = false;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--phase" -> phase = args[++i];
                case "--jdbc-url" -> jdbcUrl = args[++i];
                case "--db-user" -> dbUser = args[++i];
                case "--db-password" -> dbPassword = args[++i];
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--vectors" -> vectors = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--state" -> state = Path.of(args[++i]);
                case "--query-url" -> queryUrl = args[++i];
                case "--nlp-url" -> nlpUrl = args[++i];
                case "--query-started-ms" -> queryStartedMs = Long.parseLong(args[++i]);
                case "--query-pid" -> queryPid = Long.parseLong(args[++i]);
                case "--knn-candidates" -> knnCandidates = args[++i];
                case "--index-dir" -> indexDir = Path.of(args[++i]);
                case "--queries" -> queriesPerClass = Integer.parseInt(args[++i]);
                case "--pg-queries" -> pgQueriesPerClass = Integer.parseInt(args[++i]);
                case "--class-budget-s" -> classBudgetS = Double.parseDouble(args[++i]);
                case "--recall-queries" -> recallQueries = Integer.parseInt(args[++i]);
                case "--skip-postgres" -> skipPostgres = true;
                case "--measure-postgres" -> skipPostgres = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (vectors < 0) {
            vectors = Math.min(articles, 300_000);
        }
        if (jdbcUrl == null || state == null) {
            throw new IllegalArgumentException("--jdbc-url and --state are required");
        }
        Corpus corpus = new Corpus(seed);
        switch (phase) {
            case "load" -> load(corpus);
            case "measure" -> measure(corpus);
            default -> throw new IllegalArgumentException("--phase load|measure");
        }
    }

    static void log(String message) {
        System.err.printf("[QueryBench] %s %s%n", java.time.LocalTime.now().withNano(0), message);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    // ------------------------------------------------------------------------------------------------
    // The synthetic corpus

    static final int VOCABULARY = 100_000;
    static final int SOURCES = 200;
    static final int PERSONS = 3000, ORGS = 1500, PLACES = 1000;
    static final int CLUSTERS = 300;
    static final int DIMENSIONS = 384;
    static final float NOISE = 0.04f;
    static final Instant FIRST_DAY = LocalDate.of(2024, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final long SPAN_MS = Duration.ofDays(730).toMillis();
    static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "de", "fr", "es", "it"};
    static final String[] FRAMING = {"loaded-label", "emotive-adjective", "dehumanizing", "scare-quotes",
            "agentless-casualty"};
    static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "do", "fi",
            "gu", "ha", "je", "ko", "la", "mo", "nu", "pe", "qua", "ri", "so", "tu", "va", "we", "xi", "yo",
            "zu", "bra", "cre", "dri", "fro", "gla", "ple", "sto", "tri", "kan", "mer", "lin", "dor", "vel",
            "sun", "tar", "bel", "nor", "wes", "ost"};

    /**
     * Vocabulary (rank 0 = most frequent), Zipf sampler, sources, entity pool, and the topics of the
     * article vectors: each of {@link #CLUSTERS} topics is three vocabulary words, and its centre is
     * nlp-service's embedding of them ({@link #embedCentres}), so that word queries embedded by the same
     * model land among the article vectors, as real queries land among real articles.
     */
    static final class Corpus {
        final long seed;
        final String[] words = new String[VOCABULARY];
        final double[] cdf = new double[VOCABULARY];
        final String[] sources = new String[SOURCES];
        final String[] entityType;      // index = entity id - 1
        final String[] entityName;
        final int[] entityByPopularity; // entity indexes, most popular first
        final double[] entityCdf;
        final String[][] topics = new String[CLUSTERS][];
        final float[][] centres = new float[CLUSTERS][];

        Corpus(long seed) {
            this.seed = seed;
            SplittableRandom r = new SplittableRandom(seed);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < VOCABULARY; i++) {
                String w;
                do {
                    w = syllables(r, 2 + r.nextInt(3));
                } while (w.length() < 4 || !seen.add(w));
                words[i] = w;
            }
            double sum = 0;
            for (int i = 0; i < VOCABULARY; i++) {
                sum += 1.0 / (i + 1);
                cdf[i] = sum;
            }
            for (int i = 0; i < VOCABULARY; i++) {
                cdf[i] /= sum;
            }
            String[] kinds = {"Herald", "Times", "Post", "Gazette", "Tribune", "Observer", "Courier", "Daily",
                    "Chronicle", "Journal"};
            Set<String> sourceNames = new HashSet<>();
            for (int i = 0; i < SOURCES; i++) {
                String name;
                do {
                    name = "The " + cap(syllables(r, 2 + r.nextInt(2))) + " " + kinds[r.nextInt(kinds.length)];
                } while (!sourceNames.add(name));
                sources[i] = name;
            }
            int total = PERSONS + ORGS + PLACES;
            entityType = new String[total];
            entityName = new String[total];
            Set<String> names = new HashSet<>();
            String[] orgKinds = {"Ministry", "Council", "Bank", "Group", "Party", "Union", "Institute", "Agency"};
            for (int i = 0; i < total; i++) {
                String type = i < PERSONS ? "PERSON" : i < PERSONS + ORGS ? "ORGANIZATION" : "LOCATION";
                String name;
                do {
                    name = switch (type) {
                        case "PERSON" -> cap(syllables(r, 2)) + " " + cap(syllables(r, 2 + r.nextInt(2)));
                        case "ORGANIZATION" -> cap(syllables(r, 2 + r.nextInt(2))) + " " + orgKinds[r.nextInt(orgKinds.length)];
                        default -> cap(syllables(r, 2 + r.nextInt(3)));
                    };
                } while (!names.add(type + "|" + name));
                entityType[i] = type;
                entityName[i] = name;
            }
            entityByPopularity = new int[total];
            for (int i = 0; i < total; i++) {
                entityByPopularity[i] = i;
            }
            for (int i = total - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = entityByPopularity[i];
                entityByPopularity[i] = entityByPopularity[j];
                entityByPopularity[j] = t;
            }
            entityCdf = new double[total];
            double esum = 0;
            for (int i = 0; i < total; i++) {
                esum += 1.0 / Math.pow(i + 1, 0.8);
                entityCdf[i] = esum;
            }
            for (int i = 0; i < total; i++) {
                entityCdf[i] /= esum;
            }
            for (int c = 0; c < CLUSTERS; c++) {
                topics[c] = new String[]{queryWord(r), queryWord(r), queryWord(r)};
            }
        }

        /** A mid-frequency word, as semantic queries and topics use. */
        String queryWord(SplittableRandom r) {
            return words[10 + r.nextInt(5000)];
        }

        /** The topic centres: nlp-service's unit embeddings of each topic's words (needed to generate vectors). */
        void embedCentres(String nlpUrl) throws IOException, InterruptedException {
            for (int c = 0; c < CLUSTERS; c++) {
                centres[c] = normalise(embed(nlpUrl, String.join(" ", topics[c])));
            }
        }

        String word(SplittableRandom r) {
            return words[sample(cdf, r.nextDouble())];
        }

        int entity(SplittableRandom r) {
            return entityByPopularity[sample(entityCdf, r.nextDouble())];
        }

        /** The i-th person by popularity (0 = most mentioned). */
        String popularPerson(int rank) {
            int seenPersons = 0;
            for (int e : entityByPopularity) {
                if (entityType[e].equals("PERSON") && seenPersons++ == rank) {
                    return entityName[e];
                }
            }
            throw new IllegalArgumentException("rank " + rank);
        }

        Article article(int id) {
            return new Article(this, id);
        }

        float[] vector(int id) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + id * 7919L + 17);
            float[] centre = centres[r.nextInt(CLUSTERS)];
            float[] v = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = centre[d] + NOISE * (float) gaussian(r);
            }
            return normalise(v);
        }
    }

    static int sample(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    static String syllables(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return b.toString();
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble()), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / n);
        }
        return v;
    }

    record Mention(int entity, int start, int end) {
    }

    /** One generated article; everything follows from (seed, id). */
    static final class Article {
        final int id;
        final String title;
        final String text;
        final String language;
        final int source;
        final Instant published;
        final List<Mention> mentions = new ArrayList<>();
        final double tone;
        final List<String> keyphrases = new ArrayList<>();
        final List<String[]> framing = new ArrayList<>(); // {category, text, start, end}

        Article(Corpus c, int id) {
            this.id = id;
            SplittableRandom r = new SplittableRandom(c.seed * 1_000_003L + id);
            source = r.nextInt(SOURCES);
            language = LANGUAGES[r.nextInt(LANGUAGES.length)];
            published = FIRST_DAY.plusMillis((long) (r.nextDouble() * SPAN_MS));
            int[] cast = new int[2 + r.nextInt(4)];
            for (int i = 0; i < cast.length; i++) {
                cast[i] = c.entity(r);
            }
            StringBuilder t = new StringBuilder();
            int titleWords = 6 + r.nextInt(5);
            for (int i = 0; i < titleWords; i++) {
                String w = c.word(r);
                t.append(i == 0 ? cap(w) : w).append(i + 1 < titleWords ? " " : "");
            }
            title = t.toString();
            int target = 1000 + r.nextInt(1000);
            StringBuilder b = new StringBuilder(target + 200);
            while (b.length() < target) {
                int n = 8 + r.nextInt(8);
                int entityAt = r.nextDouble() < 0.45 ? r.nextInt(n) : -1;
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(' ');
                    }
                    if (i == entityAt) {
                        int e = cast[r.nextInt(cast.length)];
                        int start = b.length();
                        b.append(c.entityName[e]);
                        mentions.add(new Mention(e, start, b.length()));
                    } else {
                        String w = c.word(r);
                        b.append(i == 0 ? cap(w) : w);
                    }
                }
                b.append(". ");
            }
            text = b.toString().strip();
            tone = Math.max(-1, Math.min(1, gaussian(r) * 0.35));
            for (int i = 0; i < 3; i++) {
                keyphrases.add(c.words[10 + r.nextInt(5000)] + " " + c.words[10 + r.nextInt(5000)]);
            }
            int framed = r.nextDouble() < 0.3 ? 1 + r.nextInt(2) : 0;
            for (int i = 0; i < framed; i++) {
                int start = r.nextInt(Math.max(1, text.length() - 20));
                int end = start + 5 + r.nextInt(10);
                framing.add(new String[]{FRAMING[r.nextInt(FRAMING.length)], text.substring(start, end),
                        Integer.toString(start), Integer.toString(end)});
            }
        }

        String toneLabel() {
            return tone < -0.2 ? "negative" : tone > 0.2 ? "positive" : "neutral";
        }

        /** Same shape as nlp-service's AnalysisJson (the parts query-service reads are filled in). */
        String analysisJson() {
            StringBuilder b = new StringBuilder(400);
            b.append("{\"keyphrases\":[");
            for (int i = 0; i < keyphrases.size(); i++) {
                b.append(i > 0 ? "," : "").append("{\"text\":").append(Json.quote(keyphrases.get(i)))
                        .append(",\"score\":").append(0.9 - i * 0.1).append('}');
            }
            b.append("],\"summary\":").append(Json.quote(title)).append(",\"tone\":{\"score\":")
                    .append(String.format(Locale.ROOT, "%.4f", tone)).append(",\"label\":\"").append(toneLabel())
                    .append("\",\"evidence\":[]},\"sentenceTones\":[],\"entityTones\":[],\"framing\":[");
            for (int i = 0; i < framing.size(); i++) {
                String[] f = framing.get(i);
                b.append(i > 0 ? "," : "").append("{\"text\":").append(Json.quote(f[1])).append(",\"start\":")
                        .append(f[2]).append(",\"end\":").append(f[3]).append(",\"category\":\"").append(f[0])
                        .append("\",\"target\":null}");
            }
            return b.append("],\"quotes\":[],\"quantities\":[]}").toString();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Phase load: COPY everything in

    static void load(Corpus corpus) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection conn = connect()) {
            conn.setAutoCommit(false);
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT count(*) FROM ingest.articles) + (SELECT count(*) FROM nlp.enrichments)")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("the database is not empty: the load needs a fresh one");
                }
            }
            CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
            // sources and entities first: their identity columns give ids 1..n in COPY order
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < SOURCES; i++) {
                String name = corpus.sources[i];
                b.append(tsv(name)).append('\t').append(name.toLowerCase(Locale.ROOT).replace(' ', '-')).append(".example\n");
            }
            copyAll(copy, "COPY ingest.sources (name, domain) FROM STDIN", b);
            b.setLength(0);
            for (int i = 0; i < corpus.entityName.length; i++) {
                b.append(corpus.entityType[i]).append('\t').append(tsv(corpus.entityName[i])).append('\n');
            }
            copyAll(copy, "COPY nlp.entities (type, canonical) FROM STDIN", b);
            b.setLength(0);
            for (int i = 0; i < corpus.entityName.length; i++) {
                if (i % 3 == 0) { // a third of the entities have an alias: a person's surname, an org's acronym
                    String name = corpus.entityName[i];
                    String alias = switch (corpus.entityType[i]) {
                        case "PERSON" -> name.substring(name.indexOf(' ') + 1);
                        case "ORGANIZATION" -> name.chars().filter(Character::isUpperCase)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                        default -> name.toUpperCase(Locale.ROOT);
                    };
                    b.append(i + 1).append('\t').append(tsv(alias)).append('\n');
                }
            }
            copyAll(copy, "COPY nlp.entity_aliases (entity_id, alias) FROM STDIN", b);
            b.setLength(0);
            checkIds(conn, "ingest.sources", SOURCES);
            checkIds(conn, "nlp.entities", corpus.entityName.length);
            conn.commit();
        }
        log("sources and entities loaded; generating " + articles + " articles");
        // articles and enrichments in one pass, on two connections (no foreign key between them)
        long mentions = 0;
        try (Connection ca = connect(); Connection ce = connect()) {
            ca.setAutoCommit(false);
            ce.setAutoCommit(false);
            CopyIn articlesIn = ca.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY ingest.articles (source_id, url, canonical_url, title, text, language_hint, published_at, "
                            + "content_hash) FROM STDIN");
            CopyIn enrichIn = ce.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY nlp.enrichments (article_id, change_seq, pipeline_version, language, stages, analysis) FROM STDIN");
            StringBuilder a = new StringBuilder(1 << 20), e = new StringBuilder(1 << 20);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (int id = 1; id <= articles; id++) {
                Article art = corpus.article(id);
                mentions += art.mentions.size();
                String url = "https://" + corpus.sources[art.source].toLowerCase(Locale.ROOT).replace(' ', '-')
                        + ".example/news/" + id;
                byte[] hash = sha.digest(art.text.getBytes(StandardCharsets.UTF_8));
                a.append(art.source + 1).append('\t').append(url).append('\t').append(url).append('\t')
                        .append(tsv(art.title)).append('\t').append(tsv(art.text)).append('\t').append(art.language)
                        .append('\t').append(art.published).append("\t\\\\x").append(hex(hash)).append('\n');
                String stages = hasVector(id) ? "{language,entities,analysis,embedding}" : "{language,entities,analysis}";
                e.append(id).append('\t').append(id).append("\t1\t").append(art.language).append('\t').append(stages)
                        .append('\t').append(tsv(art.analysisJson())).append('\n');
                if (a.length() > (1 << 20)) {
                    write(articlesIn, a);
                    write(enrichIn, e);
                }
                if (id % 20000 == 0) {
                    log("  " + id + " articles written");
                }
            }
            write(articlesIn, a);
            write(enrichIn, e);
            articlesIn.endCopy();
            enrichIn.endCopy();
            checkIds(ca, "ingest.articles", articles);
            ca.commit();
            ce.commit();
        }
        log("articles and enrichments loaded; mentions");
        try (Connection conn = connect()) {
            conn.setAutoCommit(false);
            CopyIn in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY nlp.mentions (article_id, entity_id, start_offset, end_offset, surface) FROM STDIN");
            StringBuilder m = new StringBuilder(1 << 20);
            for (int id = 1; id <= articles; id++) {
                Article art = corpus.article(id);
                for (Mention mention : art.mentions) {
                    m.append(id).append('\t').append(mention.entity() + 1).append('\t').append(mention.start())
                            .append('\t').append(mention.end()).append('\t')
                            .append(tsv(art.text.substring(mention.start(), mention.end()))).append('\n');
                }
                if (m.length() > (1 << 20)) {
                    write(in, m);
                }
            }
            write(in, m);
            in.endCopy();
            conn.commit();
        }
        log("mentions loaded; " + vectors + " embeddings around " + CLUSTERS + " topic centres embedded by nlp-service");
        if (vectors > 0) {
            corpus.embedCentres(nlpUrl);
        }
        try (Connection conn = connect()) {
            conn.setAutoCommit(false);
            CopyIn in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY nlp.embeddings (article_id, model, vector) FROM STDIN");
            StringBuilder v = new StringBuilder(1 << 21);
            for (int id = firstVectorId(); id <= articles; id++) {
                float[] vec = corpus.vector(id);
                v.append(id).append("\tall-minilm-l6-v2-q\t{");
                for (int d = 0; d < DIMENSIONS; d++) {
                    v.append(d > 0 ? "," : "").append(vec[d]);
                }
                v.append("}\n");
                if (v.length() > (1 << 21)) {
                    write(in, v);
                }
            }
            write(in, v);
            in.endCopy();
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("UPDATE nlp.change_feed SET last_seq = " + articles);
            }
            conn.commit();
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        log(String.format(Locale.ROOT, "COPY done in %.1f s; VACUUM ANALYZE", copySeconds));
        long t1 = System.nanoTime();
        try (Connection conn = connect(); Statement s = conn.createStatement()) {
            for (String table : List.of("ingest.sources", "ingest.articles", "nlp.entities", "nlp.entity_aliases",
                    "nlp.enrichments", "nlp.mentions", "nlp.embeddings")) {
                s.execute("VACUUM ANALYZE " + table);
            }
        }
        double vacuumSeconds = (System.nanoTime() - t1) / 1e9;
        out.put("load_seconds", round(copySeconds + vacuumSeconds, 1));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("copy_seconds", round(copySeconds, 1));
        detail.put("vacuum_analyze_seconds", round(vacuumSeconds, 1));
        detail.put("articles_per_s", round(articles / copySeconds, 0));
        detail.put("mentions", mentions);
        detail.put("entities", corpus.entityName.length);
        detail.put("sources", SOURCES);
        detail.put("vocabulary", VOCABULARY);
        detail.put("vector_topics", CLUSTERS);
        try (Connection conn = connect(); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database()), "
                     + "(SELECT avg(length(text)) FROM ingest.articles)")) {
            rs.next();
            detail.put("database_mb", round(rs.getLong(1) / 1048576.0, 0));
            detail.put("mean_text_chars", round(rs.getDouble(2), 0));
        }
        out.put("load", detail);
        Files.writeString(state, Json.write(out));
        log(String.format(Locale.ROOT, "load done: %.1f s (%s)", copySeconds + vacuumSeconds, Json.write(detail)));
    }

    /**
     * The last {@code vectors} articles carry an embedding, so the index build first runs text only, then
     * with HNSW graph building, and the two rates can be told apart.
     */
    static int firstVectorId() {
        return articles - vectors + 1;
    }

    static boolean hasVector(int id) {
        return id >= firstVectorId();
    }

    static void copyAll(CopyManager copy, String sql, StringBuilder rows) throws Exception {
        CopyIn in = copy.copyIn(sql);
        write(in, rows);
        in.endCopy();
    }

    static void write(CopyIn in, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    static void checkIds(Connection conn, String table, long expected) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(id), max(id), count(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != 1 || rs.getLong(2) != expected || rs.getLong(3) != expected) {
                throw new IllegalStateException(table + " ids are not 1.." + expected + " (min " + rs.getLong(1)
                        + ", max " + rs.getLong(2) + ", count " + rs.getLong(3) + "): the database is not fresh");
            }
        }
    }

    /** COPY text format escaping. */
    static String tsv(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = switch (ch) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(ch);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Phase measure

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Http(int status, String body) {
    }

    static Http get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Http(r.statusCode(), r.body());
    }

    static Http post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Http(r.statusCode(), r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One query of one class, in the terms both engines need. */
    record Q(String cls, String lucene, String extraParams, String path, List<String> words, boolean phrase,
             Instant from, Instant to, String person) {
    }

    static final List<String> HTTP_CLASSES = List.of("rare_term", "common_term", "and_two_terms", "phrase",
            "date_filter", "entity_filter", "date_sort", "facets", "timeline", "semantic", "hybrid");
    static final List<String> PG_CLASSES = List.of("rare_term", "common_term", "and_two_terms", "phrase",
            "date_filter", "entity_filter", "date_sort", "facets", "timeline");

    static Q query(Corpus c, String cls, SplittableRandom r) {
        String common = c.words[3 + r.nextInt(57)];
        switch (cls) {
            case "rare_term": {
                String w = c.words[VOCABULARY / 5 + r.nextInt(VOCABULARY - VOCABULARY / 5)];
                return new Q(cls, w, "", "search", List.of(w), false, null, null, null);
            }
            case "common_term":
                return new Q(cls, common, "", "search", List.of(common), false, null, null, null);
            case "and_two_terms": {
                String w1 = c.words[30 + r.nextInt(2970)], w2 = c.words[30 + r.nextInt(2970)];
                return new Q(cls, w1 + " " + w2, "", "search", List.of(w1, w2), false, null, null, null);
            }
            case "phrase": {
                // two adjacent lower-case words of a random article's text
                Article a = c.article(1 + r.nextInt(articles));
                String[] tokens = a.text.split(" ");
                for (int attempt = 0; ; attempt++) {
                    int i = r.nextInt(tokens.length - 1);
                    String w1 = tokens[i], w2 = tokens[i + 1];
                    if (w1.matches("[a-z]+") && w2.matches("[a-z]+") || attempt > 50) {
                        w1 = w1.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
                        w2 = w2.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
                        return new Q(cls, "\"" + w1 + " " + w2 + "\"", "", "search", List.of(w1, w2), true,
                                null, null, null);
                    }
                }
            }
            case "date_filter": {
                LocalDate from = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700));
                LocalDate to = from.plusDays(29);
                return new Q(cls, common + " published:[" + from + " TO " + to + "]", "", "search", List.of(common),
                        false, from.atStartOfDay().toInstant(ZoneOffset.UTC),
                        to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), null);
            }
            case "entity_filter": {
                String person = c.popularPerson(r.nextInt(200));
                return new Q(cls, common + " person:\"" + person.toLowerCase(Locale.ROOT) + "\"", "", "search",
                        List.of(common), false, null, null, person);
            }
            case "date_sort":
                return new Q(cls, common, "&sort=date", "search", List.of(common), false, null, null, null);
            case "facets":
                return new Q(cls, common, "&facets=entity,source", "search", List.of(common), false, null, null, null);
            case "timeline":
                return new Q(cls, common, "&interval=month", "timeline", List.of(common), false, null, null, null);
            case "semantic":
            case "hybrid": {
                // two or three of one topic's words, in any order: a query about something the corpus covers
                List<String> ws = new ArrayList<>(List.of(c.topics[r.nextInt(CLUSTERS)]));
                for (int i = ws.size() - 1; i > 0; i--) {
                    java.util.Collections.swap(ws, i, r.nextInt(i + 1));
                }
                ws = ws.subList(0, 2 + r.nextInt(2));
                String q = String.join(" ", ws);
                return new Q(cls, q, "&mode=" + cls, "search", ws, false, null, null, null);
            }
            case "unrelated_words": {
                // 2-4 words drawn regardless of the topics: their embeddings resemble no article vector
                int n = 2 + r.nextInt(3);
                List<String> ws = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ws.add(c.queryWord(r));
                }
                return new Q(cls, String.join(" ", ws), "&mode=semantic", "search", ws, false, null, null, null);
            }
            default:
                throw new IllegalArgumentException(cls);
        }
    }

    static String httpUrl(Q q) {
        return queryUrl + "/api/v1/" + q.path() + "?q=" + enc(q.lucene()) + q.extraParams();
    }

    static void measure(Corpus corpus) throws Exception {
        Map<String, Object> loaded = Json.object(Files.readString(state));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "query-search");
        out.put("articles", articles);
        out.put("vectors", vectors);
        out.put("machine", machine());
        out.putAll(loaded);

        out.put("index_build", indexBuild());

        // warm-up: every class, not counted
        log("warm-up");
        SplittableRandom warm = new SplittableRandom(seed + 1);
        for (int round = 0; round < 20; round++) {
            for (String cls : HTTP_CLASSES) {
                Http r = get(httpUrl(query(corpus, cls, warm)));
                if (r.status() != 200) {
                    throw new IllegalStateException("warm-up " + cls + ": HTTP " + r.status() + " " + r.body());
                }
            }
        }
        Map<String, Object> lucene = new LinkedHashMap<>();
        for (String cls : HTTP_CLASSES) {
            SplittableRandom r = new SplittableRandom(seed * 31 + cls.hashCode());
            List<Double> ms = new ArrayList<>();
            double totals = 0;
            long deadline = System.nanoTime() + (long) (classBudgetS * 1e9);
            for (int i = 0; i < queriesPerClass && (i < 10 || System.nanoTime() < deadline); i++) {
                String url = httpUrl(query(corpus, cls, r));
                long t = System.nanoTime();
                Http h = get(url);
                ms.add((System.nanoTime() - t) / 1e6);
                if (h.status() != 200) {
                    throw new IllegalStateException(cls + ": HTTP " + h.status() + " for " + url + ": " + h.body());
                }
                Map<String, Object> body = Json.object(h.body());
                if (body.get("total") instanceof Number n) {
                    totals += n.doubleValue();
                } else if (body.get("buckets") instanceof List<?> buckets) {
                    for (Object b : buckets) {
                        totals += ((Number) ((Map<?, ?>) b).get("count")).doubleValue();
                    }
                }
            }
            Map<String, Object> stats = stats(ms);
            stats.put("mean_matches", round(totals / ms.size(), 1));
            lucene.put(cls, stats);
            log("lucene_http " + cls + " " + Json.write(stats));
        }
        out.put("lucene_http", lucene);

        out.put("knn_candidates", knnCandidates);
        out.put("semantic_recall_at_10", recall(corpus));

        if (skipPostgres) {
            out.put("postgres_fts", "skipped (BENCH_SKIP_POSTGRES=1)");
        } else {
            out.put("postgres_fts", postgres(corpus));
        }

        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("p95_ms", 50);
        goal.put("recall_at_10", 0.95);
        goal.put("index_articles_per_s", 5000);
        out.put("goal", goal);
        out.put("machine_after", Map.of("loadavg", loadavg()));
        System.out.println(Json.write(out));
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            lines.filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
        } catch (IOException | RuntimeException ignored) {
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            lines.filter(l -> l.startsWith("MemTotal")).findFirst().ifPresent(l -> m.put("memory_gb",
                    round(Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0, 1)));
        } catch (IOException | RuntimeException ignored) {
        }
        m.put("loadavg_at_measure_start", loadavg());
        m.put("note", "shared and noisy: compare the engines within one run, not absolute figures across runs");
        return m;
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Polls readiness until every change_seq (1..articles) is searchable, then waits for background merges
     * to finish. change_seq 1..articles-vectors carry no vector, the rest do: the indexedSeq readiness
     * reports moves at each index commit, and the commits on either side of the boundary give the
     * text-only rate and the rate with HNSW graph building.
     */
    static Map<String, Object> indexBuild() throws Exception {
        log("index build: waiting for indexedSeq = " + articles);
        long start = queryStartedMs > 0 ? queryStartedMs : System.currentTimeMillis();
        long textEnd = (long) articles - vectors;
        double cpuAtStart = processCpuSeconds(queryPid), busyAtStart = machineBusySeconds();
        List<long[]> commits = new ArrayList<>(); // {epoch ms, indexedSeq} each time indexedSeq moved
        long lastLog = 0;
        java.util.regex.Pattern seqPattern = java.util.regex.Pattern.compile("\"indexedSeq\"\\s*:\\s*(\\d+)");
        java.util.regex.Pattern lagPattern = java.util.regex.Pattern.compile("\"lag\"\\s*:\\s*(\\d+)");
        while (true) {
            Http h = get(queryUrl + "/q/health/ready");
            long now = System.currentTimeMillis();
            java.util.regex.Matcher seqMatch = seqPattern.matcher(h.body()), lagMatch = lagPattern.matcher(h.body());
            long seq = seqMatch.find() ? Long.parseLong(seqMatch.group(1)) : -1;
            long lag = lagMatch.find() ? Long.parseLong(lagMatch.group(1)) : -1;
            if (seq > 0 && (commits.isEmpty() || commits.get(commits.size() - 1)[1] != seq)) {
                commits.add(new long[]{now, seq});
            }
            if (seq >= articles && lag == 0) {
                break;
            }
            if (now - lastLog > 15000) {
                log("  indexedSeq " + seq + " lag " + lag);
                lastLog = now;
            }
            Thread.sleep(250);
        }
        long[] first = commits.get(0), done = commits.get(commits.size() - 1);
        double cpu = processCpuSeconds(queryPid) - cpuAtStart, busy = machineBusySeconds() - busyAtStart;
        Map<String, Object> r = new LinkedHashMap<>();
        double total = (done[0] - start) / 1000.0;
        r.put("seconds", round(total, 1));
        r.put("articles_per_s", round(articles / total, 0));
        r.put("measured_from", "query-service process start (includes JVM/Quarkus boot) to indexedSeq = articles, lag 0");
        r.put("first_commit_after_s", round((first[0] - start) / 1000.0, 1));
        r.put("commits_seen", commits.size());
        long[] lastTextOnly = null;
        for (long[] c : commits) {
            if (c[1] <= textEnd) {
                lastTextOnly = c;
            }
        }
        double textRate = Double.NaN;
        if (lastTextOnly != null && lastTextOnly[1] > first[1]) {
            double seconds = (lastTextOnly[0] - first[0]) / 1000.0;
            textRate = (lastTextOnly[1] - first[1]) / seconds;
            r.put("text_only_articles", lastTextOnly[1] - first[1]);
            r.put("text_only_seconds", round(seconds, 1));
            r.put("text_only_articles_per_s", round(textRate, 0));
        }
        if (vectors > 0 && lastTextOnly != null && !Double.isNaN(textRate)) {
            // the commit that crosses the boundary holds both kinds: its text-only part is timed at the text rate
            double vectorStart = lastTextOnly[0] + 1000.0 * (textEnd - lastTextOnly[1]) / textRate;
            double seconds = (done[0] - vectorStart) / 1000.0;
            r.put("with_vectors_articles", vectors);
            r.put("with_vectors_seconds", round(seconds, 1));
            r.put("with_vectors_articles_per_s", round(vectors / seconds, 0));
        }
        Map<String, Object> cpuUse = new LinkedHashMap<>();
        double wall = (System.currentTimeMillis() - start) / 1000.0;
        cpuUse.put("query_service_cpu_s", round(cpu, 1));
        cpuUse.put("query_service_cores", round(cpu / wall, 2));
        cpuUse.put("machine_busy_cores", round(busy / wall, 2));
        cpuUse.put("note", "from query-service start to lag 0; the rest of the machine's busy time is PostgreSQL, "
                + "the benchmark client and other people's processes");
        r.put("cpu", cpuUse);
        log("index build: searchable; waiting for background merges to finish");
        long settled = waitForQuietIndex();
        r.put("merges_settled_after_s", round((settled - done[0]) / 1000.0, 1));
        if (indexDir != null && Files.isDirectory(indexDir)) {
            try (Stream<Path> files = Files.walk(indexDir)) {
                r.put("index_mb", round(files.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum() / 1048576.0, 0));
            }
            try (Stream<Path> files = Files.list(indexDir)) {
                r.put("segments", files.filter(p -> p.toString().endsWith(".si")).count());
            }
        }
        log("index build " + Json.write(r));
        return r;
    }

    /**
     * Waits until the index files stop changing and query-service stays idle (under 0.3 cores each second)
     * for 10 s (merges done: a vector merge builds its HNSW graph in memory for minutes without touching
     * the files), at most 15 minutes; returns when.
     */
    static long waitForQuietIndex() throws Exception {
        if (indexDir == null) {
            return System.currentTimeMillis();
        }
        long deadline = System.currentTimeMillis() + 15 * 60_000;
        String last = "";
        long quietSince = System.currentTimeMillis();
        double lastCpu = processCpuSeconds(queryPid);
        while (System.currentTimeMillis() < deadline) {
            double cpu = processCpuSeconds(queryPid);
            boolean busy = cpu - lastCpu > 0.3; // NaN (no pid) is never busy
            lastCpu = cpu;
            StringBuilder listing = new StringBuilder();
            try (Stream<Path> files = Files.list(indexDir)) {
                files.sorted().forEach(p -> listing.append(p.getFileName()).append(':').append(p.toFile().length()).append(' '));
            }
            long now = System.currentTimeMillis();
            if (!listing.toString().equals(last) || busy) {
                last = listing.toString();
                quietSince = now;
            } else if (now - quietSince >= 10_000) {
                return quietSince;
            }
            Thread.sleep(1000);
        }
        log("index files still changing after 15 minutes; measuring anyway");
        return System.currentTimeMillis();
    }

    /** User + system CPU seconds of a process, from /proc; NaN when unknown. */
    static double processCpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Busy CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // not idle, iowait; guest time (9, 10) is already in user
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static Map<String, Object> stats(List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("p50_ms", round(percentile(sorted, 0.50), 1));
        s.put("p95_ms", round(percentile(sorted, 0.95), 1));
        s.put("max_ms", round(sorted[sorted.length - 1], 1));
        s.put("queries", sorted.length);
        return s;
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    // ------------------------------------------------------------------------------------------------
    // Recall of the HNSW search against exact search over the stored vectors

    static Map<String, Object> recall(Corpus corpus) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        if (vectors == 0) {
            return r;
        }
        log("recall: reading " + vectors + " vectors from PostgreSQL");
        int[] ids = new int[vectors];
        float[][] vs = new float[vectors][];
        int n = 0;
        try (Connection conn = connect()) {
            conn.setAutoCommit(false);
            try (Statement s = conn.createStatement()) {
                s.setFetchSize(2000);
                try (ResultSet rs = s.executeQuery("SELECT article_id, vector FROM nlp.embeddings")) {
                    while (rs.next()) {
                        Float[] boxed = (Float[]) rs.getArray(2).getArray();
                        float[] v = new float[boxed.length];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = boxed[i];
                        }
                        ids[n] = (int) rs.getLong(1);
                        vs[n++] = normalise(v);
                    }
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed + 99);
        // 1. stored article vectors as queries: /api/v1/articles/{id}/similar?size=10 (itself excluded)
        double hitSum = 0;
        List<Double> ms = new ArrayList<>();
        for (int q = 0; q < recallQueries; q++) {
            int k = rnd.nextInt(n);
            Set<Long> exact = exactTop(ids, vs, n, vs[k], ids[k], 10);
            long t = System.nanoTime();
            Http h = get(queryUrl + "/api/v1/articles/" + ids[k] + "/similar?size=10");
            ms.add((System.nanoTime() - t) / 1e6);
            if (h.status() != 200) {
                throw new IllegalStateException("similar: HTTP " + h.status() + " " + h.body());
            }
            hitSum += overlap(exact, hitIds(h.body()));
        }
        r.put("stored_vector_queries", round(hitSum / (recallQueries * 10.0), 3));
        r.put("stored_vector_latency", stats(ms));
        // 2. word queries embedded by nlp-service through mode=semantic&size=10, against the exact top-10 of
        // the same query vector: about a topic of the corpus, then words unrelated to any topic
        wordQueryRecall(corpus, "semantic", rnd, ids, vs, n, r, "embedded_word_queries");
        wordQueryRecall(corpus, "unrelated_words", rnd, ids, vs, n, r, "unrelated_word_queries");
        r.put("queries_each", recallQueries);
        r.put("note", "recall@10 = |HNSW top-10 ∩ exact top-10| / 10, exact = brute-force dot products over all "
                + "stored vectors with the same query vector. stored_vector_queries: stored article vectors through "
                + "/articles/{id}/similar (itself excluded); embedded_word_queries: nlp-service's embeddings of 2-3 "
                + "words of one topic through mode=semantic, as the semantic class sends; unrelated_word_queries: "
                + "2-4 words drawn regardless of the topics, whose embeddings resemble no article vector, so their "
                + "neighbours are near ties (the old query set, kept as the hard case)");
        log("recall " + Json.write(r));
        return r;
    }

    static void wordQueryRecall(Corpus corpus, String cls, SplittableRandom rnd, int[] ids, float[][] vs, int n,
                                Map<String, Object> r, String key) throws Exception {
        double hits = 0;
        List<Double> ms = new ArrayList<>();
        for (int q = 0; q < recallQueries; q++) {
            Q query = query(corpus, cls, rnd);
            Set<Long> exact = exactTop(ids, vs, n, normalise(embed(nlpUrl, query.lucene())), -1, 10);
            long t = System.nanoTime();
            Http h = get(queryUrl + "/api/v1/search?q=" + enc(query.lucene()) + "&mode=semantic&size=10");
            ms.add((System.nanoTime() - t) / 1e6);
            if (h.status() != 200) {
                throw new IllegalStateException("semantic: HTTP " + h.status() + " " + h.body());
            }
            hits += overlap(exact, hitIds(h.body()));
        }
        r.put(key, round(hits / (recallQueries * 10.0), 3));
        r.put(key.replace("_queries", "_latency"), stats(ms));
    }

    /** nlp-service's embedding of {@code text}, as query-service gets it for a semantic search. */
    static float[] embed(String nlpUrl, String text) throws IOException, InterruptedException {
        Http e = post(nlpUrl + "/api/v1/embed", "{\"text\":" + Json.quote(text) + "}");
        if (e.status() != 200) {
            throw new IllegalStateException("embed: HTTP " + e.status() + " " + e.body());
        }
        return vectorOf(Json.object(e.body()));
    }

    static float[] vectorOf(Map<String, Object> embed) {
        Object v = embed.get("vector");
        if (!(v instanceof List<?>)) {
            v = embed.values().stream().filter(x -> x instanceof List<?> l && l.size() == DIMENSIONS).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no vector in the embed answer"));
        }
        List<?> list = (List<?>) v;
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }

    static Set<Long> exactTop(int[] ids, float[][] vs, int n, float[] q, int exclude, int k) {
        long[] bestId = new long[k];
        double[] best = new double[k];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            if (ids[i] == exclude) {
                continue;
            }
            float[] v = vs[i];
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * q[d];
            }
            if (dot > best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] < dot) {
                    best[j] = best[j - 1];
                    bestId[j] = bestId[j - 1];
                    j--;
                }
                best[j] = dot;
                bestId[j] = ids[i];
            }
        }
        Set<Long> s = new HashSet<>();
        for (long id : bestId) {
            s.add(id);
        }
        return s;
    }

    static List<Long> hitIds(String body) {
        List<Long> out = new ArrayList<>();
        for (Object hit : (List<?>) Json.object(body).get("hits")) {
            out.add(((Number) ((Map<?, ?>) hit).get("id")).longValue());
        }
        return out;
    }

    static int overlap(Set<Long> exact, List<Long> found) {
        int c = 0;
        for (Long id : found.subList(0, Math.min(10, found.size()))) {
            if (exact.contains(id)) {
                c++;
            }
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------
    // PostgreSQL full-text-search baseline

    static final String DOC = "to_tsvector('english', a.title || ' ' || a.text)";

    static Map<String, Object> postgres(Corpus corpus) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (Connection conn = connect()) {
            try (Statement s = conn.createStatement()) {
                s.execute("SET maintenance_work_mem = '512MB'");
                s.execute("DROP INDEX IF EXISTS ingest.bench_articles_fts_idx");
                log("postgres: building the GIN index");
                long t = System.nanoTime();
                s.execute("CREATE INDEX bench_articles_fts_idx ON ingest.articles USING gin (" + DOC.replace("a.", "") + ")");
                double seconds = (System.nanoTime() - t) / 1e9;
                s.execute("ANALYZE ingest.articles");
                r.put("gin_build_seconds", round(seconds, 1));
                log(String.format(Locale.ROOT, "postgres: GIN index built in %.1f s", seconds));
            }
            // warm-up: one query per class (caches and plans); at a million articles a ranked common term
            // alone takes a minute or more
            SplittableRandom warm = new SplittableRandom(seed + 2);
            for (String cls : PG_CLASSES) {
                runPg(conn, query(corpus, cls, warm));
            }
            for (String cls : PG_CLASSES) {
                SplittableRandom rnd = new SplittableRandom(seed * 31 + cls.hashCode());
                List<Double> ms = new ArrayList<>();
                double totals = 0;
                long deadline = System.nanoTime() + (long) (classBudgetS * 1e9);
                // at least one query: a ranked common term takes a minute or more at a million articles
                for (int i = 0; i < pgQueriesPerClass && (i < 1 || System.nanoTime() < deadline); i++) {
                    Q q = query(corpus, cls, rnd);
                    long t = System.nanoTime();
                    long rows = runPg(conn, q);
                    ms.add((System.nanoTime() - t) / 1e6);
                    totals += rows;
                }
                Map<String, Object> stats = stats(ms);
                stats.put("mean_rows", round(totals / ms.size(), 1));
                r.put(cls, stats);
                log("postgres_fts " + cls + " " + Json.write(stats));
            }
            try (Statement s = conn.createStatement()) {
                s.execute("DROP INDEX IF EXISTS ingest.bench_articles_fts_idx");
            }
        }
        r.put("note", "ranked with ts_rank_cd over the expression (recomputed per matching row), LIMIT 20; "
                + "entity_filter joins nlp.mentions; facets = ranked page + top-10 entities + top-10 sources over "
                + "the match set; timeline = month buckets with count and mean tone (no share); lexical classes "
                + "only; queries limited by class budget where slow (see 'queries')");
        return r;
    }

    /** Runs one baseline query (or the statements one HTTP request stands for); returns rows read. */
    static long runPg(Connection conn, Q q) throws SQLException {
        String tsq = q.phrase() ? "phraseto_tsquery('english', ?)" : "plainto_tsquery('english', ?)";
        String terms = String.join(" ", q.words());
        String match = DOC + " @@ " + tsq;
        String ranked = "SELECT a.id, a.title, ts_rank_cd(" + DOC + ", " + tsq + ") AS rank FROM ingest.articles a WHERE "
                + match + "%s ORDER BY rank DESC, a.id LIMIT 20";
        switch (q.cls()) {
            case "rare_term", "common_term", "and_two_terms", "phrase":
                return rows(conn, ranked.formatted(""), terms, terms);
            case "date_filter":
                return rows(conn, ranked.formatted(" AND a.published_at >= ? AND a.published_at < ?"), terms, terms,
                        Timestamp.from(q.from()), Timestamp.from(q.to()));
            case "entity_filter":
                return rows(conn, ranked.formatted(" AND a.id IN (SELECT m.article_id FROM nlp.mentions m "
                        + "JOIN nlp.entities e ON e.id = m.entity_id WHERE e.type = 'PERSON' AND lower(e.canonical) = lower(?))"),
                        terms, terms, q.person());
            case "date_sort":
                return rows(conn, "SELECT a.id, a.title FROM ingest.articles a WHERE " + match
                        + " ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT 20", terms);
            case "facets":
                return rows(conn, ranked.formatted(""), terms, terms)
                        + rows(conn, "SELECT e.id, e.canonical, count(DISTINCT m.article_id) AS n FROM ingest.articles a "
                        + "JOIN nlp.mentions m ON m.article_id = a.id JOIN nlp.entities e ON e.id = m.entity_id WHERE "
                        + match + " GROUP BY e.id, e.canonical ORDER BY n DESC, e.id LIMIT 10", terms)
                        + rows(conn, "SELECT s.name, count(*) AS n FROM ingest.articles a JOIN ingest.sources s "
                        + "ON s.id = a.source_id WHERE " + match + " GROUP BY s.name ORDER BY n DESC, s.name LIMIT 10", terms);
            case "timeline":
                return rows(conn, "SELECT date_trunc('month', a.published_at AT TIME ZONE 'UTC') AS bucket, count(*), "
                        + "avg((en.analysis->'tone'->>'score')::float8) FROM ingest.articles a "
                        + "JOIN nlp.enrichments en ON en.article_id = a.id WHERE " + match
                        + " GROUP BY bucket ORDER BY bucket", terms);
            default:
                throw new IllegalArgumentException(q.cls());
        }
    }

    static long rows(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    // ------------------------------------------------------------------------------------------------
    // Minimal JSON

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Json p = new Json(text);
            Object v = p.value();
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object: " + text.substring(0, Math.min(200, text.length())));
            }
            return (Map<String, Object>) v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // :
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    List<Object> l = new ArrayList<>();
                    i++;
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(start, i);
                    if (num.contains(".") || num.contains("e") || num.contains("E")) {
                        return Double.parseDouble(num);
                    }
                    return Long.parseLong(num);
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder(v.length() + 2).append('"');
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
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

        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(b, v);
            return b.toString();
        }

        private static void write(StringBuilder b, Object v) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof String str) {
                b.append(quote(str));
            } else if (v instanceof Double d) {
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    b.append(d.longValue());
                } else {
                    b.append(d);
                }
            } else if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else if (v instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(first ? "" : ",").append(quote(String.valueOf(e.getKey()))).append(':');
                    write(b, e.getValue());
                    first = false;
                }
                b.append('}');
            } else if (v instanceof List<?> l) {
                b.append('[');
                for (int k = 0; k < l.size(); k++) {
                    b.append(k > 0 ? "," : "");
                    write(b, l.get(k));
                }
                b.append(']');
            } else {
                b.append(quote(v.toString()));
            }
        }
    }
}
