package dev.storytrack.cluster;

import java.time.Duration;

/**
 * Tuning of {@link StoryClusterer}. The defaults live here, once: {@link #defaults()}, the {@link
 * #builder()} and the CLI's and Spark's option defaults all read the {@code DEFAULT_} constants.
 *
 * @param threshold link probability needed to join a story; NaN to use the model's learned one
 * @param window a story leaves the active set (stays queryable) once it has had no article for this
 *     long (and {@code windowArticles} articles have arrived since its last one); null: the link
 *     model's learned horizon ({@link dev.storytrack.link.LinkModel#horizon()}: 99 in 100 labelled
 *     follow-ups came sooner)
 * @param windowArticles see {@code window}; 0 (the default) lets time alone decide, so a story ends
 *     on evidence and a 300-article store behaves as a million-article stream
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

  /** Articles that must follow a story's last one before it leaves: none, time alone decides. */
  public static final int DEFAULT_WINDOW_ARTICLES = 0;

  public static final int DEFAULT_MERGE_EVERY = 500;
  public static final int DEFAULT_CANDIDATES = 12;
  public static final int DEFAULT_QUERY_TERMS = 20;
  public static final int DEFAULT_INDEX_TERMS = 30;

  /** The shipped defaults: the model's threshold and horizon, no merge step. */
  public static ClusterOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .threshold(threshold)
        .window(window)
        .windowArticles(windowArticles)
        .mergeEvery(mergeEvery)
        .merge(merge)
        .candidates(candidates)
        .queryTerms(queryTerms)
        .indexTerms(indexTerms);
  }

  public ClusterOptions withThreshold(double t) {
    return toBuilder().threshold(t).build();
  }

  public ClusterOptions withMerge(boolean m) {
    return toBuilder().merge(m).build();
  }

  public ClusterOptions withWindow(Duration w) {
    return toBuilder().window(w).build();
  }

  public ClusterOptions withWindowArticles(int n) {
    return toBuilder().windowArticles(n).build();
  }

  /** Builds {@link ClusterOptions}; each part starts at its default. */
  public static final class Builder {
    private double threshold = Double.NaN;
    private Duration window;
    private int windowArticles = DEFAULT_WINDOW_ARTICLES;
    private int mergeEvery = DEFAULT_MERGE_EVERY;
    private boolean merge;
    private int candidates = DEFAULT_CANDIDATES;
    private int queryTerms = DEFAULT_QUERY_TERMS;
    private int indexTerms = DEFAULT_INDEX_TERMS;

    private Builder() {}

    /** Link probability to join a story; NaN (the default) for the model's learned one. */
    public Builder threshold(double t) {
      this.threshold = t;
      return this;
    }

    /** Quiet time before a story leaves the active set; null (the default): the model's horizon. */
    public Builder window(Duration w) {
      this.window = w;
      return this;
    }

    public Builder windowArticles(int n) {
      this.windowArticles = n;
      return this;
    }

    public Builder mergeEvery(int n) {
      this.mergeEvery = n;
      return this;
    }

    public Builder merge(boolean m) {
      this.merge = m;
      return this;
    }

    public Builder candidates(int n) {
      this.candidates = n;
      return this;
    }

    public Builder queryTerms(int n) {
      this.queryTerms = n;
      return this;
    }

    public Builder indexTerms(int n) {
      this.indexTerms = n;
      return this;
    }

    public ClusterOptions build() {
      return new ClusterOptions(
          threshold, window, windowArticles, mergeEvery, merge, candidates, queryTerms, indexTerms);
    }
  }
}
