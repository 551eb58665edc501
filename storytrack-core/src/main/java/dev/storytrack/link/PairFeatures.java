package dev.storytrack.link;

import java.time.Duration;
import java.util.List;

/** The link features between two profiles (article/article, article/story or story/story). */
public final class PairFeatures {
  /** Version of the feature set; a model records the version it was learned with. */
  public static final int VERSION = 7;

  /** Feature names, in the order of {@link #compute}. */
  public static final List<String> NAMES =
      List.of(
          "body_cosine",
          "title_cosine",
          "lead_cosine",
          "entity_cosine",
          "shared_text",
          "log_days_apart",
          "months_apart",
          "member_title",
          "member_entity",
          "member_figures",
          "person_cosine",
          "place_cosine",
          "undated_lead",
          "undated_member_entity",
          "undated_member_figures",
          "undated_person",
          "member_lead_entity",
          "log_span_days",
          "dated_log_size",
          "member_lead_figures");

  /** Gaps longer than this count as this long in {@code months_apart}. */
  static final double MAX_GAP_DAYS = 730;

  /** The optional last feature, present when both profiles carry a sentence embedding. */
  public static final String EMBEDDING = "embedding_cosine";

  private PairFeatures() {}

  /** Feature names with or without the optional {@link #EMBEDDING} feature. */
  public static List<String> names(boolean embedding) {
    if (!embedding) return NAMES;
    List<String> n = new java.util.ArrayList<>(NAMES);
    n.add(EMBEDDING);
    return List.copyOf(n);
  }

  /**
   * As {@link #compute(Profile, Profile, TermStats)}, plus the cosine of the two sentence
   * embeddings as a last feature when {@code embedding} (NaN, i.e. neutral, when a profile has
   * none).
   */
  public static double[] compute(Profile a, Profile b, TermStats stats, boolean embedding) {
    double[] x = compute(a, b, stats);
    if (!embedding) return x;
    double[] y = java.util.Arrays.copyOf(x, x.length + 1);
    y[x.length] =
        a.embedding == null || b.embedding == null
            ? Double.NaN
            : SentenceEmbedder.cosine(a.embedding, b.embedding);
    return y;
  }

  /**
   * Features of {@code a} against {@code b}: TF-IDF cosines of all terms, title terms, lead terms
   * (title and first words) and entities of the two profiles as wholes; the share of the smaller
   * text's 5-word shingles found in the other (text reuse: quotes, wire copy); the time between
   * their closest members, as log days and as months (capped at two years; the model learns how
   * fast a story fades from the two shapes); the best title, entity and figure (numbers and dates)
   * cosines between a member of one and a member of the other (a story's sum drifts as it grows;
   * one close member is evidence of the same event); the cosines of the names known to be people
   * and places; the best member-pair cosine of the names in the title and lead; how many days the
   * two would span together, and (dated pairs only) the log of the larger side's article count: a
   * story that has run for months and gathered many articles needs more than the topic's names and
   * the same week to take one more (the learned weights say how much); and the best member-pair
   * cosine of the figures and dates in the title and lead (two events of one kind share background
   * figures, but each report opens on its own toll, age or weekday). A feature is NaN when a side
   * has nothing to compare (no date, no people): the model then takes it at its average, so missing
   * evidence neither helps nor harms.
   */
  public static double[] compute(Profile a, Profile b, TermStats stats) {
    if (!a.boundTo(stats.terms(), stats.entities())
        || !b.boundTo(stats.terms(), stats.entities())) {
      // A profile from elsewhere (compare's two articles, scored against shared background
      // statistics): both get ids in an overlay, which leaves the statistics as they are.
      TermIds t = TermIds.overlay(stats.terms());
      TermIds e = TermIds.overlay(stats.entities());
      a = a.boundCopy(t, e);
      b = b.boundCopy(t, e);
    }
    double gap = gapDays(a, b);
    double[] members = memberCosines(a, b, stats);
    double lead = cosine(a, b, 3, stats);
    double person = namedCosine(a, b, 0, stats);
    // Undated pairs are a regime of their own: with no time evidence, names and figures must do
    // what the date does otherwise. These copies are present only when the gap is unknown (NaN,
    // i.e. neutral, otherwise), so the model learns their weights from undated pairs alone.
    boolean undated = Double.isNaN(gap);
    return new double[] {
      cosine(a, b, 0, stats),
      cosine(a, b, 1, stats),
      lead,
      cosine(a, b, 2, stats),
      sharedText(a.shingles, b.shingles),
      Math.log1p(gap),
      Double.isNaN(gap) ? Double.NaN : Math.min(gap, MAX_GAP_DAYS) / 30.0,
      members[0],
      members[1],
      members[2],
      person,
      namedCosine(a, b, 1, stats),
      undated ? lead : Double.NaN,
      undated ? members[1] : Double.NaN,
      undated ? members[2] : Double.NaN,
      undated ? person : Double.NaN,
      members[3],
      Math.log1p(spanDays(a, b)),
      undated ? Double.NaN : Math.log(Math.max(a.size, b.size)),
      members[4]
    };
  }

  /**
   * Best title, entity, figure, lead-name and lead-figure cosines over pairs of members (NaN where
   * no pair has any).
   */
  static double[] memberCosines(Profile a, Profile b, TermStats stats) {
    double title = Double.NaN;
    double ents = Double.NaN;
    double marks = Double.NaN;
    double lead = Double.NaN;
    double leadMarks = Double.NaN;
    for (Profile.Member x : a.members) {
      double[] nx = x.norms(stats);
      for (Profile.Member y : b.members) {
        double[] ny = y.norms(stats);
        title = max(title, cachedCosine(x.title, y.title, nx[0], ny[0], stats, false));
        ents = max(ents, cachedCosine(x.entities, y.entities, nx[1], ny[1], stats, true));
        marks = max(marks, cachedCosine(x.marks, y.marks, nx[2], ny[2], stats, true));
        lead = max(lead, cachedCosine(x.leadEntities, y.leadEntities, nx[3], ny[3], stats, true));
        leadMarks =
            max(leadMarks, cachedCosine(x.leadMarks, y.leadMarks, nx[4], ny[4], stats, true));
      }
    }
    return new double[] {title, ents, marks, lead, leadMarks};
  }

  /** IDF-weighted cosine of two vectors with their squared norms given; NaN when one is empty. */
  private static double cachedCosine(
      Vec a, Vec b, double na, double nb, TermStats stats, boolean entities) {
    if (a.isEmpty() || b.isEmpty()) return Double.NaN;
    double dot = Vec.dot(a, b, stats, entities);
    if (dot == 0) return 0;
    double n = Math.sqrt(na * nb);
    return n == 0 ? 0 : Math.min(1, dot / n);
  }

  private static double namedCosine(Profile a, Profile b, int which, TermStats stats) {
    Vec x = which == 0 ? a.people : a.places;
    Vec y = which == 0 ? b.people : b.places;
    if (x.isEmpty() || y.isEmpty()) return Double.NaN;
    return cachedCosine(x, y, namedNorm(a, which, stats), namedNorm(b, which, stats), stats, true);
  }

  private static double namedNorm(Profile p, int which, TermStats stats) {
    long e = stats.normEpoch();
    if (p.namedStamp != e) {
      p.namedNorms[0] = p.people.squaredNorm(stats, true);
      p.namedNorms[1] = p.places.squaredNorm(stats, true);
      p.namedStamp = e;
    }
    return p.namedNorms[which];
  }

  /** Days from the earlier first article to the later last one of the two; NaN when undated. */
  static double spanDays(Profile a, Profile b) {
    if (a.first == null || b.first == null || a.last == null || b.last == null) return Double.NaN;
    java.time.Instant first = a.first.isBefore(b.first) ? a.first : b.first;
    java.time.Instant last = a.last.isAfter(b.last) ? a.last : b.last;
    return Math.max(0, Duration.between(first, last).toSeconds() / 86400.0);
  }

  private static double max(double acc, double v) {
    if (Double.isNaN(v)) return acc;
    return Double.isNaN(acc) ? v : Math.max(acc, v);
  }

  /**
   * Containment of the smaller shingle set in the larger, on bottom-k samples: both are cut at the
   * smaller of their largest kept hashes, so the two samples cover the same hash range.
   */
  static double sharedText(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) return 0;
    int cut =
        Math.min(
            a.length == Profile.SHINGLE_SAMPLE ? a[a.length - 1] : Integer.MAX_VALUE,
            b.length == Profile.SHINGLE_SAMPLE ? b[b.length - 1] : Integer.MAX_VALUE);
    int i = 0;
    int j = 0;
    int na = 0;
    int nb = 0;
    int both = 0;
    while (i < a.length && a[i] <= cut && j < b.length && b[j] <= cut) {
      if (a[i] < b[j]) {
        i++;
        na++;
      } else if (a[i] > b[j]) {
        j++;
        nb++;
      } else {
        i++;
        j++;
        na++;
        nb++;
        both++;
      }
    }
    while (i < a.length && a[i] <= cut) {
      i++;
      na++;
    }
    while (j < b.length && b[j] <= cut) {
      j++;
      nb++;
    }
    int smaller = Math.min(na, nb);
    return smaller == 0 ? 0 : (double) both / smaller;
  }

  /**
   * Days between the closest dated members of the two (NaN when either has none). Closest members
   * rather than the spans: a story that once stretched over a year would otherwise give every
   * article of that year a gap of zero.
   */
  static double gapDays(Profile a, Profile b) {
    double best = Double.NaN;
    for (Profile.Member x : a.members) {
      if (x.published() == null) continue;
      for (Profile.Member y : b.members) {
        if (y.published() == null) continue;
        double d = Math.abs(Duration.between(x.published(), y.published()).toMinutes()) / 1440.0;
        if (Double.isNaN(best) || d < best) best = d;
      }
    }
    if (!Double.isNaN(best) || a.first == null || b.first == null) return best;
    if (a.last.isBefore(b.first)) return Duration.between(a.last, b.first).toMinutes() / 1440.0;
    if (b.last.isBefore(a.first)) return Duration.between(b.last, a.first).toMinutes() / 1440.0;
    return 0;
  }

  private static void norms(Profile p, TermStats stats) {
    long stamp = stats.normEpoch();
    if (p.normStamp == stamp) return;
    p.squaredNorms[0] = p.terms.squaredNorm(stats, false);
    p.squaredNorms[1] = p.title.squaredNorm(stats, false);
    p.squaredNorms[2] = p.entities.squaredNorm(stats, true);
    p.squaredNorms[3] = p.lead.squaredNorm(stats, false);
    p.normStamp = stamp;
  }

  private static double cosine(Profile pa, Profile pb, int which, TermStats stats) {
    Vec a = which == 0 ? pa.terms : which == 1 ? pa.title : which == 2 ? pa.entities : pa.lead;
    Vec b = which == 0 ? pb.terms : which == 1 ? pb.title : which == 2 ? pb.entities : pb.lead;
    if (a.isEmpty() || b.isEmpty()) return 0;
    double dot = Vec.dot(a, b, stats, which == 2);
    if (dot == 0) return 0;
    norms(pa, stats);
    norms(pb, stats);
    double n = Math.sqrt(pa.squaredNorms[which] * pb.squaredNorms[which]);
    return n == 0 ? 0 : Math.min(1, dot / n);
  }
}
