package dev.storytrack.eval.peers;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.PublicationOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classic TDT single-pass clustering (Allan et al. 1998, Yang et al. 1998): articles in publication
 * order, each joins the cluster whose centroid is most similar when that cosine reaches the
 * threshold, otherwise it starts a new cluster. No time window, no merging.
 *
 * <p>Hand-written because it is the baseline itself: the point is to run the textbook algorithm on
 * exactly storytrack's input and scorer. Centroids are the sums of their members' unit vectors, so
 * {@code cos(d, centroid) = sum over members m of d.m / |sum|}: the dot products come from an
 * inverted index over the documents already seen (no centroid vectors are stored), and a centroid's
 * squared norm grows by {@code 2 d.sum + |d|^2} when {@code d} joins. Cost: the sum over a
 * document's terms of their earlier postings, per document. Ties go to the older cluster.
 */
public final class SinglePassTfIdf {
  private final double threshold;

  /** Clustering at cosine {@code threshold} (join when the best centroid's cosine is >= it). */
  public SinglePassTfIdf(double threshold) {
    if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
    this.threshold = threshold;
  }

  /** Article id to cluster id ({@code sp-N}, N counting clusters in order of creation). */
  public Map<String, String> cluster(List<Article> articles) {
    TfIdfVectors v = TfIdfVectors.of(PublicationOrder.sort(articles));
    return labels(v, assign(v), "sp-");
  }

  /**
   * The cluster number of every document, documents taken in index order (build {@code v} from
   * articles in publication order); clusters are numbered from 0 in order of creation.
   */
  public int[] assign(TfIdfVectors v) {
    int n = v.size();
    int[] cluster = new int[n];
    double[] normSq = new double[n];
    double[] dot = new double[n];
    int[] touched = new int[n];
    boolean[] seen = new boolean[n];
    int clusters = 0;
    for (int d = 0; d < n; d++) {
      int[] terms = v.terms(d);
      float[] w = v.weights(d);
      int nt = 0;
      for (int k = 0; k < terms.length; k++) {
        int[] docs = v.postingDocs(terms[k]);
        float[] pw = v.postingWeights(terms[k]);
        double wk = w[k];
        // Postings ascend by document: stop at the current one (only earlier documents count).
        for (int j = 0; j < docs.length && docs[j] < d; j++) {
          int c = cluster[docs[j]];
          if (!seen[c]) {
            seen[c] = true;
            touched[nt++] = c;
          }
          dot[c] += wk * pw[j];
        }
      }
      int best = -1;
      double bestCos = Double.NEGATIVE_INFINITY;
      double bestDot = 0;
      for (int i = 0; i < nt; i++) {
        int c = touched[i];
        double cos = normSq[c] == 0 ? 0 : dot[c] / Math.sqrt(normSq[c]);
        if (cos > bestCos || (cos == bestCos && c < best)) {
          best = c;
          bestCos = cos;
          bestDot = dot[c];
        }
      }
      if (best < 0 && clusters > 0) {
        // No shared term with any cluster: every cosine is 0, the oldest cluster wins the tie.
        best = 0;
        bestCos = 0;
      }
      double selfSq = 0;
      for (float x : w) selfSq += (double) x * x;
      if (best >= 0 && bestCos >= threshold) {
        cluster[d] = best;
        normSq[best] += 2 * bestDot + selfSq;
      } else {
        cluster[d] = clusters;
        normSq[clusters++] = selfSq;
      }
      for (int i = 0; i < nt; i++) {
        dot[touched[i]] = 0;
        seen[touched[i]] = false;
      }
    }
    return cluster;
  }

  /** Article id to {@code prefix + cluster number}. */
  static Map<String, String> labels(TfIdfVectors v, int[] cluster, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int d = 0; d < cluster.length; d++) out.put(v.article(d).id(), prefix + cluster[d]);
    return out;
  }
}
