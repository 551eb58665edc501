package dev.storytrack.eval.peers;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.eval.ClusteringScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a peer at every threshold of a grid against gold stories, so that a threshold can be
 * chosen on one set (its oracle: the best B-cubed F1 there) and carried to another.
 */
public final class ThresholdSweep {
  /** The two peers. */
  public enum Peer {
    SINGLE_PASS("single-pass TF-IDF"),
    AGGLOMERATIVE("agglomerative TF-IDF (average linkage)");

    private final String title;

    Peer(String title) {
      this.title = title;
    }

    /** A readable name for tables. */
    public String title() {
      return title;
    }
  }

  /** The scores at one threshold. */
  public record Point(double threshold, ClusteringScores scores) {}

  /**
   * A sweep: one point per grid threshold, in grid order, and the time to cluster the set once
   * (single-pass: the mean run over the grid; agglomerative: similarities, dendrogram and one cut),
   * not counting the TF-IDF vectors.
   */
  public record Result(Peer peer, List<Point> points, double clusterSeconds) {
    /** The point of highest B-cubed F1 (the lower threshold on ties). */
    public Point best() {
      Point b = points.get(0);
      for (Point p : points) if (p.scores().bcubedF1() > b.scores().bcubedF1()) b = p;
      return b;
    }

    /** The point whose threshold is {@code t} (within 1e-9): thresholds come from one grid. */
    public Point at(double t) {
      for (Point p : points) if (Math.abs(p.threshold() - t) < 1e-9) return p;
      throw new IllegalArgumentException("threshold " + t + " is not on the grid");
    }
  }

  private ThresholdSweep() {}

  /**
   * {@code from, from + step, ...} up to {@code to} inclusive (to within 1e-9), rounded to 1e-6.
   */
  public static List<Double> grid(double from, double to, double step) {
    if (!(step > 0)) throw new IllegalArgumentException("step must be > 0: " + step);
    if (!(to >= from))
      throw new IllegalArgumentException("to must be >= from: " + from + ", " + to);
    List<Double> out = new ArrayList<>();
    // Multiplying rather than adding: no drift over many steps.
    for (int i = 0; from + i * step <= to + 1e-9; i++) {
      out.add(Math.round((from + i * step) * 1e6) / 1e6);
    }
    return out;
  }

  /** The vectors both peers use: {@code articles} in publication order. */
  public static TfIdfVectors vectors(List<Article> articles) {
    return TfIdfVectors.of(PublicationOrder.sort(articles));
  }

  /** Sweeps {@code peer} over {@code thresholds} on {@code v} (see {@link #vectors}). */
  public static Result run(
      Peer peer, TfIdfVectors v, Map<String, String> gold, List<Double> thresholds) {
    if (thresholds.isEmpty()) throw new IllegalArgumentException("no thresholds");
    List<Point> points = new ArrayList<>();
    long nanos;
    if (peer == Peer.SINGLE_PASS) {
      nanos = 0;
      for (double t : thresholds) {
        long start = System.nanoTime();
        int[] c = new SinglePassTfIdf(t).assign(v);
        nanos += System.nanoTime() - start;
        points.add(
            new Point(t, ClusteringScores.compute(SinglePassTfIdf.labels(v, c, "sp-"), gold)));
      }
      nanos /= thresholds.size();
    } else {
      long start = System.nanoTime();
      AgglomerativeTfIdf.Dendrogram d = AgglomerativeTfIdf.dendrogram(v);
      d.cut(thresholds.get(0));
      nanos = System.nanoTime() - start;
      for (double t : thresholds) {
        points.add(
            new Point(
                t, ClusteringScores.compute(SinglePassTfIdf.labels(v, d.cut(t), "ag-"), gold)));
      }
    }
    return new Result(peer, List.copyOf(points), nanos / 1e9);
  }
}
