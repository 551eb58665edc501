package dev.storytrack.dedup;

/**
 * The LSH banding of a MinHash signature: {@code bands} bands of {@code rows} components each. Two
 * documents become candidates when all components of at least one band agree, which for Jaccard
 * similarity {@code s} happens with probability {@code 1 - (1 - s^rows)^bands}.
 *
 * @param bands number of bands (one hash table each)
 * @param rows components per band
 * @param bitsPerComponent bits kept per MinHash component: enough that a band key has at least 32
 *     random bits, so unrelated documents collide in a band with probability at most 2^-32
 */
public record LshPlan(int bands, int rows, int bitsPerComponent) {

  public LshPlan {
    if (bands < 1 || rows < 1) throw new IllegalArgumentException("bands and rows must be >= 1");
    if (bitsPerComponent != 8 && bitsPerComponent != 16 && bitsPerComponent != 32) {
      throw new IllegalArgumentException("bitsPerComponent must be 8, 16 or 32");
    }
  }

  /** Probability that a pair with Jaccard similarity {@code s} shares at least one band. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /** Probability that a pair with Jaccard similarity {@code s} shares no band (an LSH miss). */
  public double missProbability(double s) {
    return Math.pow(1 - Math.pow(s, rows), bands);
  }

  /**
   * Picks bands and rows for a threshold: among all {@code (bands, rows)} with {@code bands * rows
   * <= components} and {@code bands <= maxBands} (each band costs index memory), those whose miss
   * probability at the threshold itself is at most {@code maxMiss}; of these the one with the least
   * false-candidate area {@code ∫_0^t P(s) ds}. Pairs above the threshold are missed less often
   * still, since the miss probability falls with similarity. When no pair qualifies, the one with
   * the smallest miss probability at the threshold.
   */
  public static LshPlan forThreshold(
      double threshold, int components, int maxBands, double maxMiss) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
    }
    LshPlan best = null;
    double bestArea = Double.MAX_VALUE;
    LshPlan fallback = null;
    double fallbackMiss = Double.MAX_VALUE;
    for (int r = 1; r <= components; r++) {
      int bits = r >= 4 ? 8 : r >= 2 ? 16 : 32;
      for (int b = 1; b <= maxBands && b * r <= components; b++) {
        LshPlan p = new LshPlan(b, r, bits);
        double miss = p.missProbability(threshold);
        if (miss < fallbackMiss) {
          fallbackMiss = miss;
          fallback = p;
        }
        if (miss <= maxMiss) {
          double area = p.falseCandidateArea(threshold);
          if (area < bestArea) {
            bestArea = area;
            best = p;
          }
          break; // more bands with the same rows only adds false candidates
        }
      }
    }
    return best != null ? best : fallback;
  }

  double falseCandidateArea(double threshold) {
    int steps = 200;
    double sum = 0;
    for (int i = 0; i < steps; i++) sum += candidateProbability((i + 0.5) * threshold / steps);
    return sum * threshold / steps;
  }
}
