package dev.storytrack.cluster;

import java.time.Duration;

/**
 * Tuning of {@link StoryClusterer}.
 *
 * @param threshold link probability needed to join a story; NaN to use the model's learned one
 * @param window a story with no article for this long leaves the active set (stays queryable)
 * @param mergeEvery run the merge step after this many articles (0: only at the end)
 * @param merge whether to run the merge step at all
 * @param candidates how many candidate stories from the index are scored per article
 * @param queryTerms how many of an article's top terms query the index
 * @param indexTerms how many of a story's top terms index it
 */
public record ClusterOptions(
    double threshold,
    Duration window,
    int mergeEvery,
    boolean merge,
    int candidates,
    int queryTerms,
    int indexTerms) {

  public static ClusterOptions defaults() {
    return new ClusterOptions(Double.NaN, Duration.ofDays(30), 500, true, 12, 20, 30);
  }

  public ClusterOptions withThreshold(double t) {
    return new ClusterOptions(t, window, mergeEvery, merge, candidates, queryTerms, indexTerms);
  }

  public ClusterOptions withMerge(boolean m) {
    return new ClusterOptions(threshold, window, mergeEvery, m, candidates, queryTerms, indexTerms);
  }

  public ClusterOptions withWindow(Duration w) {
    return new ClusterOptions(threshold, w, mergeEvery, merge, candidates, queryTerms, indexTerms);
  }
}
