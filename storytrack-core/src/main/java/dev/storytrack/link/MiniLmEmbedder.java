package dev.storytrack.link;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@link SentenceEmbedder} on langchain4j's packaging of quantized all-MiniLM-L6-v2. The only class
 * that names langchain4j or ONNX Runtime types, so that nothing else links against the optional
 * dependency; {@link #load} checks for it with {@link Class#forName} before this class's methods
 * that use those types run.
 */
final class MiniLmEmbedder implements SentenceEmbedder {
  static final String MODEL_CLASS =
      "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  /**
   * Word pieces the model reads, [CLS] and [SEP] included. The packaged tokenizer cuts at 128 (the
   * length the model was trained on; langchain4j's own splitting at 510 never applies); the model
   * card allows 256.
   */
  static final int MAX_PIECES = 128;

  /**
   * Words of the text's lead: 150 English words are about 190 word pieces, enough to fill what the
   * model reads without tokenizing a whole article.
   */
  static final int LEAD_WORDS = 150;

  private static volatile MiniLmEmbedder shared;

  private final Model model;
  private final int leadWords;
  private final boolean separate;

  private MiniLmEmbedder(Model model, int leadWords, boolean separate) {
    this.model = model;
    this.leadWords = leadWords;
    this.separate = separate;
  }

  static Optional<SentenceEmbedder> load(String probeClass) {
    try {
      Class.forName(probeClass, false, MiniLmEmbedder.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    return Optional.of(shared());
  }

  // One model per JVM: the session holds the 23 MB model and its native buffers, and it is
  // thread-safe, so every caller shares it.
  private static MiniLmEmbedder shared() {
    MiniLmEmbedder m = shared;
    if (m == null) {
      synchronized (MiniLmEmbedder.class) {
        m = shared;
        if (m == null) {
          m = open(MAX_PIECES, LEAD_WORDS, true);
          shared = m;
        }
      }
    }
    return m;
  }

  /**
   * A new embedder with its own session; {@link #load} shares one with the defaults.
   *
   * @param separate embed title and lead apart and average the two vectors (the default), else
   *     embed them as one passage
   */
  static MiniLmEmbedder open(int maxPieces, int leadWords, boolean separate) {
    ClassLoader cl = MiniLmEmbedder.class.getClassLoader();
    try (InputStream onnx = cl.getResourceAsStream(MODEL_RESOURCE);
        InputStream tokenizer = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (onnx == null || tokenizer == null) {
        throw new IOException(MODEL_RESOURCE + " or " + TOKENIZER_RESOURCE + " not on the class path");
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
        // parallelise across articles instead, which scales better for short inputs.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = env.createSession(onnx.readAllBytes(), options);
      }
      InputStream tok = new ByteArrayInputStream(tokenizerJson(tokenizer.readAllBytes(), maxPieces));
      return new MiniLmEmbedder(
          new Model(new OnnxBertBiEncoder(env, session, tok, PoolingMode.MEAN)), leadWords, separate);
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      throw new IllegalStateException("all-MiniLM-L6-v2 is on the class path but could not be loaded: "
          + e, e);
    }
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

  @Override
  public float[] embed(String title, String text) {
    String t = title == null ? "" : title.strip();
    String lead = lead(text == null ? "" : text, leadWords);
    if (!separate) return vector(joined(t, lead));
    // Separately, the title keeps its own weight however long the lead is, and the lead gets the
    // whole window; on GiveMe5W1H this ranks same-event pairs better than one passage (ROC AUC
    // 0.9945 vs 0.9921, better on both halves of the events; docs/clustering.md) for a title's
    // few extra word pieces of compute.
    float[] a = vector(t);
    float[] b = vector(lead);
    float[] sum = new float[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) sum[i] = a[i] + b[i];
    return unit(sum);
  }

  /** Unit vector of {@code s}, or zeros for an empty string. */
  private float[] vector(String s) {
    if (s.isEmpty()) return new float[DIMENSION];
    float[] v = model.embed(s).content().vector();
    if (v.length != DIMENSION) {
      throw new IllegalStateException("all-MiniLM-L6-v2 returned " + v.length + " dimensions");
    }
    return unit(v);
  }

  /** Title, then the lead, as one passage. */
  static String joined(String title, String lead) {
    if (title.isEmpty()) return lead;
    if (lead.isEmpty()) return title;
    // Headlines have no final stop; one keeps the model from reading title and lead as a sentence.
    char last = title.charAt(title.length() - 1);
    return title + (last == '.' || last == '!' || last == '?' ? " " : ". ") + lead;
  }

  /** The first {@code words} whitespace-separated words of {@code text}, joined by spaces. */
  static String lead(String text, int words) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    int i = 0;
    int len = text.length();
    while (i < len && n < words) {
      while (i < len && Character.isWhitespace(text.charAt(i))) i++;
      int start = i;
      while (i < len && !Character.isWhitespace(text.charAt(i))) i++;
      if (i > start) {
        if (n > 0) sb.append(' ');
        sb.append(text, start, i);
        n++;
      }
    }
    return sb.toString();
  }

  // The model normalises already; again here so the contract does not rest on a library detail.
  private static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) s += (double) x * x;
    if (s == 0) return v;
    float inv = (float) (1 / Math.sqrt(s));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
    return out;
  }

  /**
   * langchain4j's in-process model over our own session. Subclassing is the library's public way
   * to run a bundled model with custom session options; with one input per call it computes on
   * the calling thread.
   */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
