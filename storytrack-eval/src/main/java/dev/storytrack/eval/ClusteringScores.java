package dev.storytrack.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clustering quality against a gold partition: B-cubed and pairwise precision/recall/F1.
 *
 * <p>Only articles with a gold label count. An article with a gold label but no predicted story is
 * scored as a singleton of its own, so a system cannot gain by dropping hard articles. Pairwise
 * scores follow Miranda et al. (2018): every unordered pair of articles is a positive when both are
 * in one cluster. A precision (recall) whose denominator is empty is 1.0.
 *
 * @param articles number of scored articles
 * @param stories number of predicted stories among them
 * @param goldStories number of gold stories among them
 */
public record ClusteringScores(
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1,
    double pairPrecision,
    double pairRecall,
    double pairF1,
    int articles,
    int stories,
    int goldStories) {

  /** Scores {@code predicted} (article id to story id) against {@code gold} (same form). */
  public static ClusteringScores compute(Map<String, String> predicted, Map<String, String> gold) {
    // Relabel: predicted clusters restricted to gold ids; missing ones become singletons.
    Map<String, String> pred = new HashMap<>();
    for (String id : gold.keySet()) {
      String p = predicted.get(id);
      pred.put(id, p == null ? "\u0000singleton:" + id : "p:" + p);
    }
    Map<String, Integer> predSize = new HashMap<>();
    Map<String, Integer> goldSize = new HashMap<>();
    Map<List<String>, Integer> cell = new HashMap<>();
    for (Map.Entry<String, String> e : gold.entrySet()) {
      String p = pred.get(e.getKey());
      predSize.merge(p, 1, Integer::sum);
      goldSize.merge(e.getValue(), 1, Integer::sum);
      cell.merge(List.of(p, e.getValue()), 1, Integer::sum);
    }
    int n = gold.size();
    double p = 0;
    double r = 0;
    for (Map.Entry<String, String> e : gold.entrySet()) {
      String pc = pred.get(e.getKey());
      int both = cell.get(List.of(pc, e.getValue()));
      p += (double) both / predSize.get(pc);
      r += (double) both / goldSize.get(e.getValue());
    }
    double bp = n == 0 ? 1.0 : p / n;
    double br = n == 0 ? 1.0 : r / n;
    long tp = 0;
    for (int c : cell.values()) tp += pairs(c);
    long predPairs = 0;
    for (int c : predSize.values()) predPairs += pairs(c);
    long goldPairs = 0;
    for (int c : goldSize.values()) goldPairs += pairs(c);
    double pp = predPairs == 0 ? 1.0 : (double) tp / predPairs;
    double pr = goldPairs == 0 ? 1.0 : (double) tp / goldPairs;
    Set<String> stories = new HashSet<>(pred.values());
    return new ClusteringScores(
        bp, br, f1(bp, br), pp, pr, f1(pp, pr), n, stories.size(), goldSize.size());
  }

  private static long pairs(long k) {
    return k * (k - 1) / 2;
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** A few readable lines. */
  public String format() {
    return String.format(
        java.util.Locale.ROOT,
        "articles  %d%nstories   %d (gold %d)%nB-cubed   P %.4f  R %.4f  F1 %.4f%n"
            + "pairwise  P %.4f  R %.4f  F1 %.4f%n",
        articles,
        stories,
        goldStories,
        bcubedPrecision,
        bcubedRecall,
        bcubedF1,
        pairPrecision,
        pairRecall,
        pairF1);
  }
}
