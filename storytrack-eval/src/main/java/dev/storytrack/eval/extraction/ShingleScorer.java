package dev.storytrack.eval.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Scrapinghub article-extraction-benchmark metric: word 4-gram shingles of the extracted text
 * against the ground truth, per page; precision and recall averaged over pages; F1 from the
 * averaged precision and recall.
 *
 * <p>Hand-written to reproduce the benchmark's figures exactly (its tokenizer is Python's {@code
 * \w+} on str, which differs from Java's {@code \w} on combining marks), not borrowed from a
 * library.
 */
public final class ShingleScorer {
  static final int N = 4;

  private ShingleScorer() {}

  /**
   * Per-page counts, normalised so that they sum to 1 (long pages weigh no more than short ones).
   */
  public record Counts(double tp, double fp, double fn) {
    /**
     * Precision, or NaN when the page takes no part in the precision average (no output, no truth).
     */
    public double precision() {
      if (fp == 0 && fn == 0) return 1;
      if (tp == 0 && fp == 0) return 0;
      return tp / (tp + fp);
    }

    public double recall() {
      if (fp == 0 && fn == 0) return 1;
      if (tp == 0 && fn == 0) return 0;
      return tp / (tp + fn);
    }

    boolean inPrecision() {
      return tp + fp > 0;
    }

    boolean inRecall() {
      return tp + fn > 0;
    }

    /** Per-page F1, for ranking pages when debugging (the benchmark does not average it). */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Precision, recall and F1 over a set of pages. */
  public record Prf(double precision, double recall, double f1) {}

  public static Counts score(String truth, String predicted) {
    Map<String, Integer> t = shingles(truth);
    Map<String, Integer> p = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      int pc = e.getValue();
      int tc = t.getOrDefault(e.getKey(), 0);
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
    }
    for (Map.Entry<String, Integer> e : t.entrySet()) {
      fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
    }
    double s = tp + fp + fn;
    return s > 0 ? new Counts(tp / s, fp / s, fn / s) : new Counts(0, 0, 0);
  }

  /**
   * Averages as the benchmark does: a page counts towards precision only when it had some output or
   * matched something, towards recall only when it had some truth.
   */
  public static Prf aggregate(List<Counts> pages) {
    double ps = 0;
    int pn = 0;
    double rs = 0;
    int rn = 0;
    for (Counts c : pages) {
      if (c.inPrecision()) {
        ps += c.precision();
        pn++;
      }
      if (c.inRecall()) {
        rs += c.recall();
        rn++;
      }
    }
    double p = pn == 0 ? 0 : ps / pn;
    double r = rn == 0 ? 0 : rs / rn;
    return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }

  /** Tokens as Python's {@code re.findall(r'\w+', text)}: runs of letters, numbers and '_'. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isWord(cp)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) out.add(text.substring(start));
    return out;
  }

  static boolean isWord(int cp) {
    if (cp == '_' || Character.isLetter(cp)) return true;
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /**
   * Shingles with counts; a text shorter than N words is one shorter shingle, as in the benchmark.
   */
  static Map<String, Integer> shingles(String text) {
    List<String> tok = tokens(text);
    Map<String, Integer> out = new HashMap<>();
    int last = Math.max(1, tok.size() - N + 1);
    for (int i = 0; i < last && i < tok.size(); i++) {
      // U+0001 cannot occur inside a token, so joined keys are unambiguous.
      String key = String.join("\u0001", tok.subList(i, Math.min(tok.size(), i + N)));
      out.merge(key, 1, Integer::sum);
    }
    return out;
  }
}
