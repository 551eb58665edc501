package dev.storytrack.eval.extraction;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * WCXB's own metric: bag-of-words precision, recall and F1 of lower-cased word tokens per page,
 * each averaged over pages.
 */
public final class WordScorer {
  private WordScorer() {}

  /** Precision, recall and F1 of one page. */
  public record Page(double precision, double recall, double f1) {}

  public static Page score(String truth, String predicted) {
    Map<String, Integer> ref = counts(truth);
    Map<String, Integer> pred = counts(predicted);
    int refN = ref.values().stream().mapToInt(Integer::intValue).sum();
    int predN = pred.values().stream().mapToInt(Integer::intValue).sum();
    if (refN == 0) return predN == 0 ? new Page(1, 1, 1) : new Page(0, 0, 0);
    if (predN == 0) return new Page(0, 0, 0);
    int overlap = 0;
    for (Map.Entry<String, Integer> e : pred.entrySet()) {
      overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
    }
    double p = (double) overlap / predN;
    double r = (double) overlap / refN;
    return new Page(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  }

  private static Map<String, Integer> counts(String text) {
    Map<String, Integer> out = new HashMap<>();
    if (text == null) return out;
    for (String t : ShingleScorer.tokens(text.toLowerCase(Locale.ROOT)))
      out.merge(t, 1, Integer::sum);
    return out;
  }
}
