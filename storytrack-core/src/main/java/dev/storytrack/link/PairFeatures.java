package dev.storytrack.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The link features between two profiles (article/article, article/story or story/story). */
public final class PairFeatures {
  /** Feature names, in the order of {@link #compute}. */
  public static final List<String> NAMES = List.of(
      "body_cosine", "title_cosine", "entity_cosine", "log_days_apart");

  private PairFeatures() {}

  /**
   * Features of {@code a} against {@code b}: TF-IDF cosines of all terms, title terms and entities;
   * the gap in days between their time spans (0 when they overlap, NaN when a date is missing: the
   * model then treats it as average so an undated pair gets neither help nor harm).
   */
  public static double[] compute(Profile a, Profile b, TermStats stats) {
    return new double[] {
      cosine(a.terms, b.terms, stats, ""),
      cosine(a.title, b.title, stats, ""),
      cosine(a.entities, b.entities, stats, "e:"),
      Math.log1p(gapDays(a, b))
    };
  }

  static double gapDays(Profile a, Profile b) {
    if (a.first == null || b.first == null) return Double.NaN;
    Instant aStart = a.first;
    Instant aEnd = a.last;
    Instant bStart = b.first;
    Instant bEnd = b.last;
    if (aEnd.isBefore(bStart)) return Duration.between(aEnd, bStart).toMinutes() / 1440.0;
    if (bEnd.isBefore(aStart)) return Duration.between(bEnd, aStart).toMinutes() / 1440.0;
    return 0;
  }

  static double cosine(Map<String, Float> a, Map<String, Float> b, TermStats stats, String prefix) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    Map<String, Float> small = a.size() <= b.size() ? a : b;
    Map<String, Float> large = small == a ? b : a;
    double dot = 0;
    double ns = 0;
    for (Map.Entry<String, Float> e : small.entrySet()) {
      double idf = stats.idf(prefix.isEmpty() ? e.getKey() : prefix + e.getKey());
      double ws = e.getValue() * idf;
      ns += ws * ws;
      Float o = large.get(e.getKey());
      if (o != null) dot += ws * o * idf;
    }
    if (dot == 0) return 0;
    double nl = 0;
    for (Map.Entry<String, Float> e : large.entrySet()) {
      double wl = e.getValue() * stats.idf(prefix.isEmpty() ? e.getKey() : prefix + e.getKey());
      nl += wl * wl;
    }
    return dot / Math.sqrt(ns * nl);
  }
}
