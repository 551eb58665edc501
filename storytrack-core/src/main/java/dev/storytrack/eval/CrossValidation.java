package dev.storytrack.eval;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.LinkTrainer;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.link.SentenceEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cross-validation grouped by story: the gold stories are dealt into folds (largest first, each to
 * the fold with the fewest articles so far, ties to the lowest fold), the link model and threshold
 * are learned on the other folds' articles, and the held-out fold's articles are clustered on their
 * own with IDF background from the training folds only. No held-out label or text reaches training.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** Scores of one held-out fold and the threshold learned without it. */
  public record Fold(int fold, ClusteringScores scores, double threshold, double trainF1) {}

  /** Per-fold results and the pooled scores over every held-out assignment. */
  public record Result(List<Fold> folds, ClusteringScores pooled, double meanBcubedF1) {}

  public static Result run(List<Article> articles, Map<String, String> gold, int k,
      ClusterOptions options) {
    return run(articles, gold, k, options, null);
  }

  /**
   * As {@link #run(List, Map, int, ClusterOptions)}; with an {@code embedder} the model of every
   * fold also learns the sentence-embedding feature. Embeddings are computed once per article.
   */
  public static Result run(List<Article> articles, Map<String, String> gold, int k,
      ClusterOptions options, SentenceEmbedder embedder) {
    SentenceEmbedder cached = embedder == null ? null : memoize(embedder);
    Map<String, Integer> sizes = new TreeMap<>();
    for (Article a : articles) {
      String g = gold.get(a.id());
      if (g != null) sizes.merge(g, 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> events = new ArrayList<>(sizes.entrySet());
    events.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    int[] load = new int[k];
    Map<String, Integer> foldOf = new HashMap<>();
    for (Map.Entry<String, Integer> e : events) {
      int f = 0;
      for (int i = 1; i < k; i++) if (load[i] < load[f]) f = i;
      foldOf.put(e.getKey(), f);
      load[f] += e.getValue();
    }
    List<Fold> folds = new ArrayList<>();
    Map<String, String> pooledPred = new LinkedHashMap<>();
    Map<String, String> pooledGold = new LinkedHashMap<>();
    double sum = 0;
    for (int f = 0; f < k; f++) {
      final int fold = f;
      List<Article> train = new ArrayList<>();
      List<Article> test = new ArrayList<>();
      for (Article a : articles) {
        String g = gold.get(a.id());
        if (g == null) continue;
        (foldOf.get(g) == fold ? test : train).add(a);
      }
      Map<String, String> trainGold = new HashMap<>();
      train.forEach(a -> trainGold.put(a.id(), gold.get(a.id())));
      LinkTrainer.Trained t = LinkTrainer.train(train, trainGold, options,
          pred -> ClusteringScores.compute(pred, trainGold).bcubedF1(), cached);
      StoryClusterer c = new StoryClusterer(t.model(), t.documentFrequencies(), options, cached);
      for (Article a : PublicationOrder.sort(test)) c.add(a);
      c.finish();
      Map<String, String> testGold = new HashMap<>();
      test.forEach(a -> testGold.put(a.id(), gold.get(a.id())));
      ClusteringScores s = ClusteringScores.compute(c.assignments(), testGold);
      folds.add(new Fold(fold, s, t.model().threshold(), t.trainF1()));
      sum += s.bcubedF1();
      c.assignments().forEach((id, story) -> pooledPred.put(id, fold + ":" + story));
      pooledGold.putAll(testGold);
    }
    return new Result(folds, ClusteringScores.compute(pooledPred, pooledGold), sum / k);
  }

  /** The embeddings of an article do not change between folds: compute each once. */
  private static SentenceEmbedder memoize(SentenceEmbedder e) {
    Map<String, float[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
    return (title, text) -> cache.computeIfAbsent(title + "\u0000" + text, k -> e.embed(title, text))
        .clone();
  }
}
