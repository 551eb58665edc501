package dev.storytrack.eval;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.LinkTrainer;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.link.Profile;
import dev.storytrack.link.SentenceEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Cross-validation grouped by story, over one labelled set or several learned together: within each
 * set the gold stories are dealt into folds (largest first, each to the fold with the fewest
 * articles so far, ties to the lowest fold); for fold {@code f} one model and threshold are learned
 * on every set's other folds, and each set's fold {@code f} is clustered on its own as a stream,
 * with IDF background from the training folds only. No held-out label or text reaches training.
 * Scores are reported per set: one figure pooled over all sets would hide the set the model serves
 * worst.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** Scores of one held-out fold and the threshold learned without it. */
  public record Fold(int fold, ClusteringScores scores, double threshold, double trainF1) {}

  /** Per-fold results and the pooled scores over every held-out assignment of one set. */
  public record Result(List<Fold> folds, ClusteringScores pooled, double meanBcubedF1) {}

  /** One labelled set. */
  public record LabelledData(String name, List<Article> articles, Map<String, String> gold) {}

  public static Result run(
      List<Article> articles, Map<String, String> gold, int k, ClusterOptions options) {
    return run(articles, gold, k, options, null);
  }

  /**
   * As {@link #run(List, Map, int, ClusterOptions)}; with an {@code embedder} the model of every
   * fold also learns the sentence-embedding feature. Embeddings are computed once per article.
   */
  public static Result run(
      List<Article> articles,
      Map<String, String> gold,
      int k,
      ClusterOptions options,
      SentenceEmbedder embedder) {
    return run(List.of(new LabelledData("set", articles, gold)), k, options, embedder, x -> {})
        .get("set");
  }

  /**
   * How the held-out fold is clustered. {@code HELD_OUT_ONLY}: its articles alone, as a stream of
   * their own (the standard setting; a fold of a dense stream is a sparser stream, which flatters a
   * set of many events close in time). {@code WHOLE_STREAM}: every article of the set, in order,
   * with the model learned without the fold's labels; scored on the fold's articles only. Texts of
   * training articles are then seen at test time, never their labels.
   */
  public enum Setting {
    HELD_OUT_ONLY,
    WHOLE_STREAM
  }

  /** Cross-validates one model learned on all {@code sets}; results by set name, in order. */
  public static Map<String, Result> run(
      List<LabelledData> sets,
      int k,
      ClusterOptions options,
      SentenceEmbedder embedder,
      Consumer<String> progress) {
    return run(sets, k, options, embedder, progress, Setting.HELD_OUT_ONLY, null, true);
  }

  /**
   * As {@link #run(List, int, ClusterOptions, SentenceEmbedder, Consumer)} in the given setting;
   * {@code foldKey} maps a gold story id to the group that must stay in one fold (null: the story
   * itself), e.g. an ECB+ topic, so both events of a topic are held out together; {@code
   * ownStories} as in {@link LinkTrainer#train(List, ClusterOptions, SentenceEmbedder, Map,
   * boolean)}.
   */
  public static Map<String, Result> run(
      List<LabelledData> sets,
      int k,
      ClusterOptions options,
      SentenceEmbedder embedder,
      Consumer<String> progress,
      Setting setting,
      java.util.function.UnaryOperator<String> foldKey,
      boolean ownStories) {
    SentenceEmbedder cached = embedder == null ? null : memoize(embedder);
    List<Map<String, Integer>> foldOf = new ArrayList<>();
    for (LabelledData s : sets) foldOf.add(folds(s, k, foldKey == null ? x -> x : foldKey));
    Map<String, Profile> profiles = new ConcurrentHashMap<>();
    Map<String, List<Fold>> folds = new LinkedHashMap<>();
    Map<String, Map<String, String>> pooledPred = new LinkedHashMap<>();
    Map<String, Map<String, String>> pooledGold = new LinkedHashMap<>();
    for (LabelledData s : sets) {
      folds.put(s.name(), new ArrayList<>());
      pooledPred.put(s.name(), new LinkedHashMap<>());
      pooledGold.put(s.name(), new LinkedHashMap<>());
    }
    for (int f = 0; f < k; f++) {
      final int fold = f;
      List<LinkTrainer.LabelledSet> train = new ArrayList<>();
      List<List<Article>> tests = new ArrayList<>();
      for (int i = 0; i < sets.size(); i++) {
        LabelledData s = sets.get(i);
        List<Article> tr = new ArrayList<>();
        List<Article> te = new ArrayList<>();
        for (Article a : s.articles()) {
          String g = s.gold().get(a.id());
          if (g == null) continue;
          (foldOf.get(i).get(g) == fold ? te : tr).add(a);
        }
        Map<String, String> trainGold = new HashMap<>();
        tr.forEach(a -> trainGold.put(a.id(), s.gold().get(a.id())));
        train.add(
            new LinkTrainer.LabelledSet(
                s.name(),
                tr,
                trainGold,
                pred -> ClusteringScores.compute(pred, trainGold).bcubedF1()));
        tests.add(te);
      }
      LinkTrainer.Trained t = LinkTrainer.train(train, options, cached, profiles, ownStories);
      for (int i = 0; i < sets.size(); i++) {
        LabelledData s = sets.get(i);
        StoryClusterer c =
            new StoryClusterer(t.model(), t.documentFrequencies().copy(), options, cached);
        List<Article> stream =
            setting == Setting.WHOLE_STREAM
                ? s.articles().stream().filter(a -> s.gold().containsKey(a.id())).toList()
                : tests.get(i);
        for (Article a : PublicationOrder.sort(stream))
          c.add(a, profiles.computeIfAbsent(a.id(), x -> c.profileOf(a)));
        c.finish();
        Map<String, String> testGold = new HashMap<>();
        tests.get(i).forEach(a -> testGold.put(a.id(), s.gold().get(a.id())));
        Map<String, String> pred = new LinkedHashMap<>();
        c.assignments()
            .forEach(
                (id, story) -> {
                  if (testGold.containsKey(id)) pred.put(id, story);
                });
        ClusteringScores sc = ClusteringScores.compute(pred, testGold);
        folds.get(s.name()).add(new Fold(fold, sc, t.model().threshold(), t.trainF1()));
        pred.forEach((id, story) -> pooledPred.get(s.name()).put(id, fold + ":" + story));
        pooledGold.get(s.name()).putAll(testGold);
      }
      progress.accept(
          "fold "
              + (f + 1)
              + "/"
              + k
              + " done (threshold "
              + String.format(java.util.Locale.ROOT, "%.3f", t.model().threshold())
              + ")");
    }
    Map<String, Result> out = new LinkedHashMap<>();
    for (LabelledData s : sets) {
      List<Fold> fs = folds.get(s.name());
      double mean = fs.stream().mapToDouble(x -> x.scores().bcubedF1()).average().orElse(0);
      out.put(
          s.name(),
          new Result(
              fs,
              ClusteringScores.compute(pooledPred.get(s.name()), pooledGold.get(s.name())),
              mean));
    }
    return out;
  }

  private static Map<String, Integer> folds(
      LabelledData s, int k, java.util.function.UnaryOperator<String> key) {
    Map<String, Integer> sizes = new TreeMap<>();
    for (Article a : s.articles()) {
      String g = s.gold().get(a.id());
      if (g != null) sizes.merge(key.apply(g), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> events = new ArrayList<>(sizes.entrySet());
    events.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    int[] load = new int[k];
    Map<String, Integer> groupFold = new HashMap<>();
    for (Map.Entry<String, Integer> e : events) {
      int f = 0;
      for (int i = 1; i < k; i++) if (load[i] < load[f]) f = i;
      groupFold.put(e.getKey(), f);
      load[f] += e.getValue();
    }
    Map<String, Integer> foldOf = new HashMap<>();
    for (String g : s.gold().values()) foldOf.put(g, groupFold.get(key.apply(g)));
    return foldOf;
  }

  /** The embeddings of an article do not change between folds: compute each once. */
  private static SentenceEmbedder memoize(SentenceEmbedder e) {
    Map<String, float[]> cache = new ConcurrentHashMap<>();
    return (title, text) ->
        cache.computeIfAbsent(title + "\u0000" + text, k -> e.embed(title, text)).clone();
  }
}
