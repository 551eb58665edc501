package dev.storytrack.eval.versions;

import dev.storytrack.align.Segment;
import dev.storytrack.eval.versions.PlantedVersions.Edit;
import dev.storytrack.eval.versions.PlantedVersions.Planted;
import dev.storytrack.version.Version;
import dev.storytrack.version.Versions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores {@link Versions} on planted stories: precision and recall of the parent found and of each
 * kind of edit.
 *
 * <ul>
 *   <li><b>parent</b>: a version's predicted parent is right when it is the planted one; an origin
 *       (no parent) predicted for a planted origin is not counted. Beside it, the baseline that
 *       takes the earliest of the version's reuse sources as its parent.
 *   <li><b>added</b>, <b>dropped</b>: a predicted segment and a planted paragraph match when at
 *       least half of the words of each lie in the other (as word sets).
 *   <li><b>figure</b>, <b>date</b>, <b>name</b>, <b>wording</b>: a predicted change of the kind
 *       matches a planted edit of the same kind when its before and after contain the planted
 *       before and after.
 *   <li><b>quote</b>: quote edits are the quote finder's to pair, so versions report none; the row
 *       counts the planted quote edits that leak into {@code changes} (as wording) instead.
 * </ul>
 *
 * Edits are scored against the planted parent: when the predicted parent is another version, its
 * reported edits count as false and the planted ones as missed.
 */
public final class VersionsEvaluation {
  /** The row of quote edits: "recall" there is the share that leaked into {@code changes}. */
  public static final String QUOTE_ROW = "quote (leaked as change)";

  private VersionsEvaluation() {}

  /**
   * Counts for one row: true positives, predicted, planted. The quote row has no precision: its
   * "recall" is the share of planted quote edits that leaked into {@code changes}.
   */
  public static final class Score {
    int correctPredicted;
    int predicted;
    int foundPlanted;
    int planted;
    boolean leakOnly;

    public double precision() {
      return leakOnly || predicted == 0 ? Double.NaN : (double) correctPredicted / predicted;
    }

    public double recall() {
      return planted == 0 ? Double.NaN : (double) foundPlanted / planted;
    }

    public int predicted() {
      return predicted;
    }

    public int planted() {
      return planted;
    }
  }

  /** The result: rows by name (parent, parent-earliest, then each edit kind), and the sizes. */
  public record Result(Map<String, Score> rows, int stories, int versions, long nanos) {
    /** The rows as a fixed-width table. */
    public String table() {
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-26s %9s %9s %9s %9s%n",
                  "row",
                  "precision",
                  "recall",
                  "predicted",
                  "planted"));
      for (Map.Entry<String, Score> e : rows.entrySet()) {
        Score s = e.getValue();
        sb.append(
            String.format(
                Locale.ROOT,
                "%-26s %9s %9s %9d %9d%n",
                e.getKey(),
                pct(s.precision()),
                pct(s.recall()),
                s.predicted,
                s.planted));
      }
      return sb.toString();
    }

    private static String pct(double x) {
      return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
    }
  }

  public static Result run(List<List<Planted>> stories, Versions versions) {
    Map<String, Score> rows = new LinkedHashMap<>();
    for (String r : List.of("parent", "parent (earliest source)")) rows.put(r, new Score());
    for (String k : PlantedVersions.KINDS)
      rows.put(k.equals(PlantedVersions.QUOTE) ? QUOTE_ROW : k, new Score());
    rows.get(QUOTE_ROW).leakOnly = true;
    int n = 0;
    long nanos = 0;
    for (List<Planted> story : stories) {
      List<Versions.Article> in = new ArrayList<>();
      for (Planted p : story) in.add(new Versions.Article(p.id(), p.text(), p.published()));
      long t = System.nanoTime();
      List<Version> out = versions.of(in);
      nanos += System.nanoTime() - t;
      n += story.size();
      Map<String, Version> got = new HashMap<>();
      Map<String, Integer> order = new HashMap<>();
      for (int i = 0; i < out.size(); i++) {
        got.put(out.get(i).id(), out.get(i));
        order.put(out.get(i).id(), i);
      }
      for (Planted p : story) score(p, got.get(p.id()), order, rows);
    }
    return new Result(rows, stories.size(), n, nanos);
  }

  private static void score(
      Planted p, Version v, Map<String, Integer> order, Map<String, Score> rows) {
    count(rows.get("parent"), p.parent(), v.parent());
    String earliest = null;
    for (Version.Source s : v.reusedFrom()) {
      if (earliest == null || order.get(s.id()) < order.get(earliest)) earliest = s.id();
    }
    count(rows.get("parent (earliest source)"), p.parent(), earliest);
    if (p.parent() == null) return;
    boolean sameParent = p.parent().equals(v.parent());

    Map<String, List<Edit>> planted = new HashMap<>();
    for (Edit e : p.edits()) planted.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
    segments(
        rows.get(PlantedVersions.ADDED),
        planted.getOrDefault(PlantedVersions.ADDED, List.of()),
        v.added(),
        sameParent,
        true);
    segments(
        rows.get(PlantedVersions.DROPPED),
        planted.getOrDefault(PlantedVersions.DROPPED, List.of()),
        v.dropped(),
        sameParent,
        false);
    for (String kind :
        List.of(
            PlantedVersions.FIGURE,
            PlantedVersions.DATE,
            PlantedVersions.NAME,
            PlantedVersions.WORDING)) {
      List<Edit> gold = planted.getOrDefault(kind, List.of());
      List<Version.Change> pred = v.changes().stream().filter(c -> c.kind().equals(kind)).toList();
      Score s = rows.get(kind);
      s.planted += gold.size();
      s.predicted += pred.size();
      if (!sameParent) continue;
      for (Version.Change c : pred)
        if (gold.stream().anyMatch(g -> matches(c, g))) s.correctPredicted++;
      for (Edit g : gold) if (pred.stream().anyMatch(c -> matches(c, g))) s.foundPlanted++;
    }
    Score q = rows.get(QUOTE_ROW);
    for (Edit g : planted.getOrDefault(PlantedVersions.QUOTE, List.of())) {
      q.planted++;
      boolean leaked =
          v.changes().stream()
              .anyMatch(
                  c ->
                      g.before().contains(c.before().strip())
                          && g.after().contains(c.after().strip()));
      if (leaked) {
        q.predicted++;
        q.correctPredicted++;
        q.foundPlanted++;
      }
    }
  }

  private static void count(Score s, String gold, String predicted) {
    if (predicted != null) s.predicted++;
    if (gold != null) s.planted++;
    if (gold != null && gold.equals(predicted)) {
      s.correctPredicted++;
      s.foundPlanted++;
    }
  }

  private static void segments(
      Score s, List<Edit> gold, List<Segment> pred, boolean sameParent, boolean after) {
    s.planted += gold.size();
    s.predicted += pred.size();
    if (!sameParent) return;
    for (Segment g : pred)
      if (gold.stream().anyMatch(e -> overlaps(g.text(), after ? e.after() : e.before())))
        s.correctPredicted++;
    for (Edit e : gold)
      if (pred.stream().anyMatch(g -> overlaps(g.text(), after ? e.after() : e.before())))
        s.foundPlanted++;
  }

  /** At least half of the words of each lie in the other. */
  static boolean overlaps(String x, String y) {
    Set<String> a = words(x);
    Set<String> b = words(y);
    if (a.isEmpty() || b.isEmpty()) return false;
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both.size() * 2 >= a.size() && both.size() * 2 >= b.size();
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
      if (!w.isEmpty()) out.add(w);
    return out;
  }

  private static boolean matches(Version.Change c, Edit g) {
    return c.before().contains(g.before()) && c.after().contains(g.after());
  }
}
