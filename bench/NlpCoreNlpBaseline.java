import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.newslens.nlp.pipeline.AnalysisStage;
import org.newslens.nlp.pipeline.CoreNlpRecognizer;
import org.newslens.nlp.pipeline.Document;
import org.newslens.nlp.pipeline.EntityCanonicalizer;
import org.newslens.nlp.pipeline.EntityRecognitionStage;
import org.newslens.nlp.pipeline.FramingStage;
import org.newslens.nlp.pipeline.GazetteerStage;
import org.newslens.nlp.pipeline.KeyphraseStage;
import org.newslens.nlp.pipeline.KnowledgeBase;
import org.newslens.nlp.pipeline.LanguageIdentifier;
import org.newslens.nlp.pipeline.QuantityStage;
import org.newslens.nlp.pipeline.QuoteStage;
import org.newslens.nlp.pipeline.SummaryStage;
import org.newslens.nlp.pipeline.ToneStage;

/**
 * Baseline for bench/nlp-throughput.sh: the bare Stanford CoreNLP stage (tokenize, ssplit, pos, lemma,
 * ner in nlp-service's "fast" configuration, the properties of CoreNlpRecognizer) on the benchmark's
 * texts, in its own JVM, with 1 and with 2 threads sharing one pipeline (as the service's workers share
 * it). Optionally (--stages M) also the service's own stages, constructed directly from its classes and
 * run over the first M texts: single-threaded and timed stage by stage, then with 2 threads sharing
 * them (as the service's workers do); no HTTP, no database.
 *
 * <pre>
 *   java -cp "nlp-service/target/quarkus-app/lib/main/*:nlp-service/target/classes" bench/NlpCoreNlpBaseline.java \
 *       --texts FILE --out FILE [--warmup 20] [--stages 150]
 * </pre>
 *
 * FILE (--texts) is written by NlpBench.java --write-texts. --out gets lines "key=raw JSON", which
 * NlpBench copies into its output: avg_tokens, corenlp_only and (with --stages) pipeline_in_process.
 */
public class NlpCoreNlpBaseline {

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path texts = null;
        Path out = null;
        int warmup = 20;
        int stagesArticles = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--texts" -> texts = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--stages" -> stagesArticles = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (texts == null || out == null) {
            throw new IllegalArgumentException("--texts and --out are required");
        }
        List<String[]> articles = read(texts);
        int n = articles.size();

        long t = System.nanoTime();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(CoreNlpRecognizer.fastConfiguration());
        log("CoreNLP loaded in %.1f s", seconds(t));

        log("warm-up: %d articles (not counted)", Math.min(warmup, n));
        for (int i = 0; i < Math.min(warmup, n); i++) {
            annotate(pipeline, articles.get(i)[1]);
        }

        Map<String, Object> corenlp = new LinkedHashMap<>();
        long totalTokens = 0;
        for (int threads : new int[] {1, 2}) {
            log("CoreNLP only, %d thread(s), %d articles", threads, n);
            AtomicInteger next = new AtomicInteger();
            AtomicLong tokens = new AtomicLong();
            AtomicLong cpuNanos = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            t = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                Thread thread = new Thread(() -> {
                    long cpu0 = CPU.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        tokens.addAndGet(annotate(pipeline, articles.get(i)[1]));
                    }
                    cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu0);
                }, "corenlp-" + w);
                workers.add(thread);
                thread.start();
            }
            for (Thread thread : workers) {
                thread.join();
            }
            double s = seconds(t);
            totalTokens = tokens.get();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seconds", round(s, 2));
            r.put("articles_per_s", round(n / s, 2));
            r.put("tokens_per_s", round(tokens.get() / s, 0));
            // CPU time of the annotating threads: robust against other load on a shared machine
            r.put("cpu_ms_per_article", round(cpuNanos.get() / 1e6 / n, 1));
            corenlp.put("threads_" + threads, r);
            log("  %.2f articles/s, %.0f tokens/s", n / s, tokens.get() / s);
        }

        StringBuilder lines = new StringBuilder();
        lines.append("avg_tokens=").append(round(totalTokens / (double) n, 1)).append('\n');
        lines.append("corenlp_only=").append(json(corenlp)).append('\n');

        if (stagesArticles > 0) {
            lines.append("pipeline_in_process=").append(json(stages(articles, Math.min(stagesArticles, n), warmup))).append('\n');
        }
        Files.writeString(out, lines.toString(), StandardCharsets.UTF_8);
    }

    static int annotate(StanfordCoreNLP pipeline, String text) {
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        // what the recognizer reads back (entity mentions are built during annotate)
        document.entityMentions();
        return document.tokens().size();
    }

    /** The service's stages, built from its classes, one thread, timed one by one. */
    static Map<String, Object> stages(List<String[]> articles, int count, int warmup) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            long t = System.nanoTime();
            KnowledgeBase kb = KnowledgeBase.load();
            LanguageIdentifier language = new LanguageIdentifier();
            language.load();
            CoreNlpRecognizer recognizer = new CoreNlpRecognizer();
            recognizer.load();
            // SentenceEmbedder and EmbeddingStage have package-private constructors (CDI); reflection reaches them
            Class<?> embedderClass = Class.forName("org.newslens.nlp.pipeline.SentenceEmbedder");
            Constructor<?> embedderCtor = embedderClass.getDeclaredConstructor(int.class);
            embedderCtor.setAccessible(true);
            Object embedder = embedderCtor.newInstance(64);  // newslens.nlp.embedding.max-chunks default
            embedderClass.getMethod("load").invoke(embedder);
            Constructor<?> embeddingCtor = Class.forName("org.newslens.nlp.pipeline.EmbeddingStage")
                    .getDeclaredConstructor(embedderClass);
            embeddingCtor.setAccessible(true);
            AnalysisStage embedding = (AnalysisStage) embeddingCtor.newInstance(embedder);
            List<AnalysisStage> stages = List.of(language, new EntityRecognitionStage(recognizer), new GazetteerStage(kb),
                    new EntityCanonicalizer(kb), new KeyphraseStage(), new SummaryStage(), new ToneStage(),
                    new FramingStage(kb), new QuoteStage(), new QuantityStage(), embedding);
            log("service stages loaded in %.1f s; warm-up %d, then %d articles single-threaded", seconds(t),
                    Math.min(warmup, count), count);
            long[] nanos = new long[stages.size()];
            long[] cpu = new long[stages.size()];
            for (int i = 0; i < Math.min(warmup, count); i++) {
                runStages(stages, articles.get(i), new long[stages.size()], new long[stages.size()]);
            }
            t = System.nanoTime();
            for (int i = 0; i < count; i++) {
                runStages(stages, articles.get(i), nanos, cpu);
            }
            double s = seconds(t);
            result.put("threads", 1);
            result.put("articles", count);
            result.put("articles_per_s", round(count / s, 2));
            Map<String, Object> perStage = new LinkedHashMap<>();
            long total = 0;
            for (long x : nanos) {
                total += x;
            }
            for (int i = 0; i < stages.size(); i++) {
                perStage.put(stages.get(i).name(), round(nanos[i] / 1e6 / count, 2));
            }
            result.put("ms_per_article", round(total / 1e6 / count, 1));
            result.put("stage_ms_per_article", perStage);
            Map<String, Object> perStageCpu = new LinkedHashMap<>();
            long totalCpu = 0;
            for (int i = 0; i < stages.size(); i++) {
                perStageCpu.put(stages.get(i).name(), round(cpu[i] / 1e6 / count, 2));
                totalCpu += cpu[i];
            }
            result.put("cpu_ms_per_article", round(totalCpu / 1e6 / count, 1));
            result.put("stage_cpu_ms_per_article", perStageCpu);
            Map<String, Object> share = new LinkedHashMap<>();
            for (int i = 0; i < stages.size(); i++) {
                share.put(stages.get(i).name(), round(nanos[i] / (double) total, 3));
            }
            result.put("stage_share", share);
            log("  in-process pipeline: %.2f articles/s; per stage (CPU ms/article): %s", count / s, json(perStageCpu));

            // the same stages with 2 threads sharing them, as the service's 2 workers do (no HTTP, no database)
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            t = System.nanoTime();
            for (int w = 0; w < 2; w++) {
                Thread thread = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        runStages(stages, articles.get(i), new long[stages.size()], new long[stages.size()]);
                    }
                }, "stages-" + w);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double s2 = seconds(t);
            result.put("threads_2_articles_per_s", round(count / s2, 2));
            log("  in-process pipeline, 2 threads: %.2f articles/s", count / s2);
        } catch (Throwable e) {
            log("stage breakdown unavailable: %s", e);
            result.put("error", e.toString());
        }
        return result;
    }

    /** Document.recordStage is package-private; the pipeline calls it after each stage, so do the same. */
    static final java.util.function.BiConsumer<Document, String> RECORD = recorder();

    static java.util.function.BiConsumer<Document, String> recorder() {
        try {
            java.lang.reflect.Method m = Document.class.getDeclaredMethod("recordStage", String.class);
            m.setAccessible(true);
            return (d, name) -> {
                try {
                    m.invoke(d, name);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (NoSuchMethodException e) {
            return (d, name) -> { };
        }
    }

    static void runStages(List<AnalysisStage> stages, String[] article, long[] nanos, long[] cpu) {
        Document document = new Document(article[1], article[0], null);
        for (int i = 0; i < stages.size(); i++) {
            AnalysisStage stage = stages.get(i);
            long c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            if (stage.appliesTo(document)) {
                stage.apply(document);
                RECORD.accept(document, stage.name());
            }
            nanos[i] += System.nanoTime() - t;
            cpu[i] += CPU.getCurrentThreadCpuTime() - c;
        }
    }

    static List<String[]> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            List<String[]> articles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String title = in.readUTF();
                articles.add(new String[] {title, in.readUTF()});
            }
            return articles;
        }
    }

    static String json(Map<String, Object> map) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) m;
                b.append(json(inner));
            } else if (v instanceof String s) {
                b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append('}').toString();
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static Object round(double value, int digits) {
        if (digits == 0) {
            return Math.round(value);
        }
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }

    static void log(String format, Object... args) {
        System.err.println("[NlpCoreNlpBaseline] " + String.format(Locale.ROOT, format, args));
    }
}
