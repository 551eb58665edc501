package dev.storytrack.dedup;

import dev.storytrack.text.Shingles;

/**
 * Parameters of near-duplicate detection.
 *
 * @param threshold Jaccard similarity of word-shingle sets at or above which two documents are
 *     near-duplicates (default 0.7)
 * @param shingleSize words per shingle (default 5)
 * @param signatureSize MinHash components per document (default 128)
 * @param maxBands cap on LSH bands, each of which costs about 10–15 bytes of index memory per
 *     document (default 16)
 * @param maxMiss largest accepted LSH miss probability for a pair exactly at the threshold (default
 *     0.02)
 */
public record DedupConfig(
    double threshold, int shingleSize, int signatureSize, int maxBands, double maxMiss) {

  // The defaults, once: defaults() and the CLI's and Spark's option defaults read these.
  public static final double DEFAULT_THRESHOLD = 0.7;
  public static final int DEFAULT_SHINGLE_SIZE = Shingles.DEFAULT_SIZE;
  public static final int DEFAULT_SIGNATURE_SIZE = 128;
  public static final int DEFAULT_MAX_BANDS = 16;
  public static final double DEFAULT_MAX_MISS = 0.02;

  public DedupConfig {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    if (shingleSize < 1) throw new IllegalArgumentException("shingle size must be >= 1");
    if (signatureSize < 8 || signatureSize > 4096) {
      throw new IllegalArgumentException("signature size must be in [8, 4096]: " + signatureSize);
    }
    if (maxBands < 1) throw new IllegalArgumentException("maxBands must be >= 1");
    if (!(maxMiss > 0 && maxMiss < 1)) throw new IllegalArgumentException("maxMiss in (0, 1)");
  }

  public static DedupConfig defaults() {
    return new DedupConfig(
        DEFAULT_THRESHOLD,
        DEFAULT_SHINGLE_SIZE,
        DEFAULT_SIGNATURE_SIZE,
        DEFAULT_MAX_BANDS,
        DEFAULT_MAX_MISS);
  }

  public DedupConfig withThreshold(double t) {
    return new DedupConfig(t, shingleSize, signatureSize, maxBands, maxMiss);
  }

  public DedupConfig withShingleSize(int k) {
    return new DedupConfig(threshold, k, signatureSize, maxBands, maxMiss);
  }

  public DedupConfig withSignatureSize(int n) {
    return new DedupConfig(threshold, shingleSize, n, maxBands, maxMiss);
  }

  /** The banding these parameters give. */
  public LshPlan plan() {
    return LshPlan.forThreshold(threshold, signatureSize, maxBands, maxMiss);
  }
}
