package dev.storytrack.eval.peers;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.PublicationOrder;
import java.util.List;
import java.util.Map;

/**
 * Agglomerative clustering with average linkage (UPGMA) over TF-IDF cosines, stopped at a
 * threshold: clusters keep merging while the mean cosine over all cross pairs of the most similar
 * two clusters is at least the threshold.
 *
 * <p>Hand-written because it is the baseline itself. The full dendrogram is built once with the
 * nearest-neighbour chain algorithm (Murtagh 1983), which is exact for average linkage because the
 * linkage is reducible: O(n^2) time after the similarities, instead of the O(n^3) of repeated
 * global searches. Reducibility also makes every merge at least as similar as the merges above it,
 * so cutting the dendrogram at {@code t} (keeping the merges of similarity >= t) gives the
 * clustering that greedy merging stopped at {@code t} gives, and one dendrogram serves a whole
 * threshold sweep. The document similarities come from sparse dot products over the inverted index
 * and are kept in a dense lower-triangular float matrix: {@code 2 n^2} bytes (64 MB for 5,635
 * documents, 200 MB for 10,000), fine for evaluation sets up to {@link #MAX_DOCUMENTS}.
 */
public final class AgglomerativeTfIdf {
  /** Largest input: its similarity matrix takes 800 MB. */
  public static final int MAX_DOCUMENTS = 20_000;

  private final double threshold;

  /** Clustering that stops when the best pair's average cosine is below {@code threshold}. */
  public AgglomerativeTfIdf(double threshold) {
    if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
    this.threshold = threshold;
  }

  /**
   * Article id to cluster id ({@code ag-N}, N the publication-order index of the cluster's first
   * article; the articles are put in publication order so both peers see the same vectors).
   */
  public Map<String, String> cluster(List<Article> articles) {
    TfIdfVectors v = TfIdfVectors.of(PublicationOrder.sort(articles));
    return SinglePassTfIdf.labels(v, dendrogram(v).cut(threshold), "ag-");
  }

  /** The full average-linkage dendrogram of {@code v}'s documents. */
  public static Dendrogram dendrogram(TfIdfVectors v) {
    int n = v.size();
    if (n > MAX_DOCUMENTS) {
      throw new IllegalArgumentException(
          n
              + " documents: the agglomerative peer takes at most "
              + MAX_DOCUMENTS
              + " (dense similarity matrix)");
    }
    return dendrogram(n, similarities(v));
  }

  /**
   * The dendrogram of {@code n} items whose similarities are the lower triangle {@code sim} (item
   * {@code i > j} at {@code i (i - 1) / 2 + j}); {@code sim} is overwritten.
   */
  static Dendrogram dendrogram(int n, float[] sim) {
    int[] left = new int[Math.max(0, n - 1)];
    int[] right = new int[left.length];
    float[] height = new float[left.length];
    int merges = 0;
    int[] size = new int[n];
    boolean[] active = new boolean[n];
    java.util.Arrays.fill(size, 1);
    java.util.Arrays.fill(active, true);
    int[] chain = new int[n];
    int top = 0;
    int firstActive = 0;
    while (merges < n - 1) {
      if (top == 0) {
        while (!active[firstActive]) firstActive++;
        chain[top++] = firstActive;
      }
      int a = chain[top - 1];
      int prev = top > 1 ? chain[top - 2] : -1;
      // Nearest neighbour of a; ties go to the chain's previous element (so that the chain ends
      // in a reciprocal pair instead of cycling), then to the lowest index.
      int best = prev;
      float bestSim = prev >= 0 ? sim[index(a, prev)] : Float.NEGATIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        if (c == a || !active[c]) continue;
        float s = sim[index(a, c)];
        if (s > bestSim) {
          best = c;
          bestSim = s;
        }
      }
      if (best != prev) {
        chain[top++] = best;
        continue;
      }
      top -= 2;
      int keep = Math.min(a, prev);
      int drop = Math.max(a, prev);
      int sa = size[a];
      int sb = size[prev];
      for (int c = 0; c < n; c++) {
        if (!active[c] || c == a || c == prev) continue;
        // Lance-Williams for average linkage, in double: the mean of two floats rounds to a
        // float between them, which keeps the dendrogram monotone.
        double s = ((double) sa * sim[index(a, c)] + (double) sb * sim[index(prev, c)]) / (sa + sb);
        sim[index(keep, c)] = (float) s;
      }
      active[drop] = false;
      size[keep] = sa + sb;
      left[merges] = keep;
      right[merges] = drop;
      height[merges++] = bestSim;
    }
    return new Dendrogram(n, left, right, height);
  }

  private static int index(int i, int j) {
    return i > j ? i * (i - 1) / 2 + j : j * (j - 1) / 2 + i;
  }

  /** Cosines of all document pairs, lower triangle, from the inverted index. */
  static float[] similarities(TfIdfVectors v) {
    int n = v.size();
    float[] sim = new float[(int) ((long) n * (n - 1) / 2)];
    double[] acc = new double[n];
    for (int d = 1; d < n; d++) {
      int[] terms = v.terms(d);
      float[] w = v.weights(d);
      for (int k = 0; k < terms.length; k++) {
        int[] docs = v.postingDocs(terms[k]);
        float[] pw = v.postingWeights(terms[k]);
        double wk = w[k];
        for (int j = 0; j < docs.length && docs[j] < d; j++) acc[docs[j]] += wk * pw[j];
      }
      int row = d * (d - 1) / 2;
      for (int j = 0; j < d; j++) {
        sim[row + j] = (float) acc[j];
        acc[j] = 0;
      }
    }
    return sim;
  }

  /**
   * A dendrogram: merge {@code i} joined the clusters held in slots {@code left[i]} and {@code
   * right[i]} (a slot is named by the lowest document index it ever held) at average cosine {@code
   * height[i]}.
   */
  public static final class Dendrogram {
    private final int n;
    private final int[] left;
    private final int[] right;
    private final float[] height;

    Dendrogram(int n, int[] left, int[] right, float[] height) {
      this.n = n;
      this.left = left;
      this.right = right;
      this.height = height;
    }

    /** Number of merges ({@code n - 1} for n documents). */
    public int merges() {
      return left.length;
    }

    /** Merge {@code i}'s two slots and its similarity, in the order the merges were made. */
    public double height(int i) {
      return height[i];
    }

    public int left(int i) {
      return left[i];
    }

    public int right(int i) {
      return right[i];
    }

    /**
     * The clustering with the merges of similarity >= {@code threshold}: per document, the lowest
     * document index of its cluster.
     */
    public int[] cut(double threshold) {
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) parent[i] = i;
      for (int m = 0; m < left.length; m++) {
        if (height[m] < threshold) continue;
        int a = find(parent, left[m]);
        int b = find(parent, right[m]);
        if (a < b) parent[b] = a;
        else if (b < a) parent[a] = b;
      }
      int[] out = new int[n];
      for (int i = 0; i < n; i++) out[i] = find(parent, i);
      return out;
    }

    private static int find(int[] parent, int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }
  }
}
