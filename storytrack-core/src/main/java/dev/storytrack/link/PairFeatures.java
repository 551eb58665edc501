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
      cosine(a, b, 0, stats),
      cosine(a, b, 1, stats),
      cosine(a, b, 2, stats),
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

  private static void norms(Profile p, TermStats stats) {
    long stamp = stats.docs() / Profile.NORM_REFRESH;
    if (p.normStamp == stamp) return;
    p.norms[0] = norm(p.terms, stats, false);
    p.norms[1] = norm(p.title, stats, false);
    p.norms[2] = norm(p.entities, stats, true);
    p.normStamp = stamp;
  }

  private static double norm(Map<String, Float> m, TermStats stats, boolean entities) {
    double n = 0;
    for (Map.Entry<String, Float> e : m.entrySet()) {
      double w = e.getValue() * (entities ? stats.entityIdf(e.getKey()) : stats.idf(e.getKey()));
      n += w * w;
    }
    return Math.sqrt(n);
  }

  private static double cosine(Profile pa, Profile pb, int which, TermStats stats) {
    Map<String, Float> a = which == 0 ? pa.terms : which == 1 ? pa.title : pa.entities;
    Map<String, Float> b = which == 0 ? pb.terms : which == 1 ? pb.title : pb.entities;
    if (a.isEmpty() || b.isEmpty()) return 0;
    boolean entities = which == 2;
    Map<String, Float> small = a.size() <= b.size() ? a : b;
    Map<String, Float> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Float> e : small.entrySet()) {
      Float o = large.get(e.getKey());
      if (o != null) {
        double idf = entities ? stats.entityIdf(e.getKey()) : stats.idf(e.getKey());
        dot += e.getValue() * o * idf * idf;
      }
    }
    if (dot == 0) return 0;
    norms(pa, stats);
    norms(pb, stats);
    double n = pa.norms[which] * pb.norms[which];
    return n == 0 ? 0 : Math.min(1, dot / n);
  }

}
