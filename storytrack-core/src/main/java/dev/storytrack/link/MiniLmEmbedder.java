package dev.storytrack.link;

import java.util.Optional;
import java.util.function.Function;

/**
 * {@link SentenceEmbedder} on quantized all-MiniLM-L6-v2: chooses what to embed and combines the
 * vectors. It names no type of the optional dependency (that is {@link OnnxMiniLm}'s job), so the
 * JVM can load and verify it when the dependency is absent; {@link #load} checks for the dependency
 * with {@link Class#forName} before anything touches {@code OnnxMiniLm}.
 */
final class MiniLmEmbedder implements SentenceEmbedder {
  static final String MODEL_CLASS =
      "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";

  /**
   * Word pieces the model reads per passage, [CLS] and [SEP] included: what the packaged tokenizer
   * is set to and the length the model was trained on (langchain4j's own splitting at 510 pieces
   * never applies). 256, which the model card allows, measured no better at twice the cost.
   */
  static final int MAX_PIECES = 128;

  /**
   * Words of the text's lead: 150 English words are about 190 word pieces, enough to fill what the
   * model reads without tokenizing a whole article.
   */
  static final int LEAD_WORDS = 150;

  private static volatile MiniLmEmbedder shared;

  private final Function<String, float[]> model;
  private final int leadWords;
  private final boolean separate;

  private MiniLmEmbedder(Function<String, float[]> model, int leadWords, boolean separate) {
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
   * @throws IllegalStateException when the model or ONNX Runtime cannot be loaded
   */
  static MiniLmEmbedder open(int maxPieces, int leadWords, boolean separate) {
    try {
      return new MiniLmEmbedder(OnnxMiniLm.open(maxPieces), leadWords, separate);
    } catch (LinkageError e) {
      // A missing native library or a partial class path (say, onnxruntime excluded).
      throw new IllegalStateException(
          "all-MiniLM-L6-v2 is on the class path but could not be loaded: " + e, e);
    }
  }

  @Override
  public float[] embed(String title, String text) {
    String t = title == null ? "" : title.strip();
    String lead = lead(text == null ? "" : text, leadWords);
    if (!separate) return vector(joined(t, lead));
    // Apart, the title keeps its weight however long the lead is, and the lead gets the whole
    // window; on GiveMe5W1H this ranks same-event pairs better than one passage (ROC AUC 0.9945
    // vs 0.9921, better on both halves of the events; docs/clustering.md) for the cost of a
    // title's few word pieces.
    float[] a = vector(t);
    float[] b = vector(lead);
    float[] sum = new float[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) sum[i] = a[i] + b[i];
    return unit(sum);
  }

  /** Unit vector of {@code s}, or zeros for an empty string. */
  private float[] vector(String s) {
    if (s.isEmpty()) return new float[DIMENSION];
    float[] v = model.apply(s);
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
}
