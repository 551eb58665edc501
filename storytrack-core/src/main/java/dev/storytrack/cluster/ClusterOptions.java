package dev.storytrack.cluster;

import java.time.Duration;

/**
 * Tuning of {@link StoryClusterer}.
 *
 * @param threshold link probability needed to join a story; NaN to use the model's learned one
 * @param window a story leaves the active set (stays queryable) once it has had no article for this
 *     long (and {@code windowArticles} articles have arrived since its last one); null: the link
 *     model's learned horizon ({@link dev.storytrack.link.LinkModel#horizon()}: 99 in 100
 *     labelled follow-ups came sooner)
 * @param windowArticles see {@code window}; 0 (the default) lets time alone decide, so a story
 *     ends on evidence and a 300-article store behaves as a million-article stream
 * @param mergeEvery run the merge step after this many articles (0: only at the end)
 * @param merge whether to run the merge step (off by default: it joins two whole stories on
 *     evidence the model never learned from, article against story; see docs/clustering.md)
 * @param candidates how many candidate stories from the index are scored per article
 * @param queryTerms how many of an article's top terms query the index
 * @param indexTerms how many of a story's top terms index it
 */
public record ClusterOptions(
    double threshold,
    Duration window,
    int windowArticles,
    int mergeEvery,
    boolean merge,
    int candidates,
    int queryTerms,
    int indexTerms) {

  public static ClusterOptions defaults() {
    return new ClusterOptions(Double.NaN, null, 0, 500, false, 12, 20, 30);
  }

  public ClusterOptions withThreshold(double t) {
    return new ClusterOptions(t, window, windowArticles, mergeEvery, merge, candidates, queryTerms,
        indexTerms);
  }

  public ClusterOptions withMerge(boolean m) {
    return new ClusterOptions(threshold, window, windowArticles, mergeEvery, m, candidates,
        queryTerms, indexTerms);
  }

  public ClusterOptions withWindow(Duration w) {
    return new ClusterOptions(threshold, w, windowArticles, mergeEvery, merge, candidates,
        queryTerms, indexTerms);
  }

  public ClusterOptions withWindowArticles(int n) {
    return new ClusterOptions(threshold, window, n, mergeEvery, merge, candidates, queryTerms,
        indexTerms);
  }
}
