package dev.storytrack.link;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The only class that names langchain4j or ONNX Runtime types (the optional dependency); reached
 * only through {@link MiniLmEmbedder} after it found the dependency, and it hands back a plain
 * {@link Function} so no optional type leaks further.
 */
final class OnnxMiniLm extends AbstractInProcessEmbeddingModel
    implements Function<String, float[]> {
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  // Subclassing is langchain4j's public way to run a bundled model over our own session; with one
  // input per call the direct executor keeps the work on the calling thread.
  private OnnxMiniLm(OnnxBertBiEncoder encoder) {
    super(Runnable::run);
    this.encoder = encoder;
  }

  /** Mean-pooled, normalised embedding of one passage, cut at the session's word-piece limit. */
  @Override
  public float[] apply(String passage) {
    return embed(passage).content().vector();
  }

  /**
   * Loads model and tokenizer from the dependency's jar; the tokenizer cut at {@code maxPieces}.
   */
  static Function<String, float[]> open(int maxPieces) {
    ClassLoader cl = OnnxMiniLm.class.getClassLoader();
    try (InputStream onnx = cl.getResourceAsStream(MODEL_RESOURCE);
        InputStream tokenizer = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (onnx == null || tokenizer == null) {
        throw new IOException(
            MODEL_RESOURCE + " or " + TOKENIZER_RESOURCE + " not on the class path");
      }
      // DJL's tokenizer loader calls the EC2 metadata address and a telemetry endpoint, and
      // downloads native code for platforms its jar lacks, unless told otherwise; storytrack
      // must not touch the network. Only set when the user has not chosen.
      setIfAbsent("ai.djl.offline", "true");
      setIfAbsent("OPT_OUT_TRACKING", "true");
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session;
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        // One thread per call: ONNX Runtime's default pool (a spinning thread per core for every
        // call) fights the caller's own threads and the clusterer on a small machine; callers
        // parallelise across articles instead.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = env.createSession(onnx.readAllBytes(), options);
      }
      InputStream tok =
          new ByteArrayInputStream(tokenizerJson(tokenizer.readAllBytes(), maxPieces));
      return new OnnxMiniLm(new OnnxBertBiEncoder(env, session, tok, PoolingMode.MEAN));
    } catch (IOException | OrtException | RuntimeException e) {
      throw new IllegalStateException(
          "all-MiniLM-L6-v2 is on the class path but could not be loaded: " + e, e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return SentenceEmbedder.DIMENSION;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }

  /** The tokenizer definition with its truncation length set to {@code maxPieces}. */
  private static byte[] tokenizerJson(byte[] json, int maxPieces) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(json);
    if (root.get("truncation") instanceof ObjectNode t) {
      if (t.path("max_length").asInt() == maxPieces) return json;
      t.put("max_length", maxPieces);
      return mapper.writeValueAsBytes(root);
    }
    throw new IOException(TOKENIZER_RESOURCE + " has no truncation setting");
  }
}
