package dev.storytrack.eval.extraction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * trafilatura's evaluation metric: per page, the snippets that must appear ({@code with}) and those
 * that must not ({@code without}) are looked up, whitespace-normalised, as substrings of the
 * output; true/false positives and negatives are summed over all pages (micro average).
 */
public final class SnippetScorer {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private SnippetScorer() {}

  /** Summed counts. */
  public record Counts(int tp, int fp, int fn, int tn) {
    public Counts plus(Counts o) {
      return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
    }

    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      int d = 2 * tp + fp + fn;
      return d == 0 ? 0 : 2.0 * tp / d;
    }

    public double accuracy() {
      int total = tp + fp + fn + tn;
      return total == 0 ? 0 : (double) (tp + tn) / total;
    }
  }

  public static final Counts ZERO = new Counts(0, 0, 0, 0);

  /** Counts for one page; a null output (the extractor failed) finds nothing. */
  public static Counts score(List<String> with, List<String> without, String output) {
    int tp = 0;
    int fp = 0;
    if (output != null) {
      String res = norm(output);
      for (String w : with) if (res.contains(norm(w))) tp++;
      for (String w : without) if (res.contains(norm(w))) fp++;
    }
    return new Counts(tp, fp, with.size() - tp, without.size() - fp);
  }

  static String norm(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }
}
