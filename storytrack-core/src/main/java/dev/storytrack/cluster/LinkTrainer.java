package dev.storytrack.cluster;

import dev.storytrack.article.Article;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.LogisticRegression;
import dev.storytrack.link.LogisticRegression.Example;
import dev.storytrack.link.PairFeatures;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import dev.storytrack.link.SentenceEmbedder;
import dev.storytrack.link.TermStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Learns the link model from articles with gold story labels, from one labelled set or several.
 *
 * <p>Pairs are drawn the way the clusterer meets them: each set's labelled articles are replayed in
 * publication order into gold stories; for each article, its gold story (when it already exists)
 * gives a positive and every other candidate the index returns gives a negative. Logistic
 * regression learns the weights from the pairs of all sets, each set counting as much as any other
 * (a set of 5,000 articles would otherwise drown one of 300, and one model must serve every kind of
 * news). The threshold is then the one under which the worst set's B-cubed F1 is highest when each
 * set's training articles are clustered as a stream of its own (see {@code tune}). Then each dated
 * set is clustered with that model, the pairs its own stories give are added (labelled by their
 * articles' majority gold story), and the weights and threshold are learned once more.
 */
public final class LinkTrainer {
  private static final double L2 = 1e-3;

  /** The total weight of each labelled set's pairs. */
  private static final double SET_WEIGHT = 1000;

  private static final int ITERATIONS = 3000;

  /** How far on each side of a threshold its neighbours lie when it is scored (two fine steps). */
  private static final double SMOOTH = 0.025;

  private LinkTrainer() {}

  /** The result of training: the model and the document frequencies of the training articles. */
  public record Trained(
      LinkModel model,
      TermStats documentFrequencies,
      int positives,
      int negatives,
      double trainF1) {}

  /**
   * One labelled set: its articles, gold story per article id, and how a clustering of them is
   * scored (higher is better, e.g. B-cubed F1 against gold).
   */
  public record LabelledSet(
      String name,
      List<Article> articles,
      Map<String, String> gold,
      ToDoubleFunction<Map<String, String>> objective) {}

  /**
   * Trains on {@code articles} (any order) labelled by {@code gold}; {@code objective} scores a
   * clustering of them (article id to story id), higher is better (e.g. B-cubed F1 against gold).
   */
  public static Trained train(
      List<Article> articles,
      Map<String, String> gold,
      ClusterOptions options,
      ToDoubleFunction<Map<String, String>> objective) {
    return train(articles, gold, options, objective, null);
  }

  /**
   * As {@link #train(List, Map, ClusterOptions, ToDoubleFunction)}; with an {@code embedder} the
   * model also learns the sentence-embedding feature ({@link PairFeatures#EMBEDDING}).
   */
  public static Trained train(
      List<Article> articles,
      Map<String, String> gold,
      ClusterOptions options,
      ToDoubleFunction<Map<String, String>> objective,
      SentenceEmbedder embedder) {
    return train(
        List.of(new LabelledSet("set", articles, gold, objective)), options, embedder, null);
  }

  /**
   * Trains one model on several sets. {@code profiles} may hold precomputed article profiles by id
   * (profiles are pure functions of the article; cross-validation reuses them across folds); it may
   * be null.
   */
  public static Trained train(
      List<LabelledSet> sets,
      ClusterOptions options,
      SentenceEmbedder embedder,
      Map<String, Profile> profiles) {
    return train(sets, options, embedder, profiles, true);
  }

  /**
   * As {@link #train(List, ClusterOptions, SentenceEmbedder, Map)}; {@code ownStories} false learns
   * from the gold replay alone, without the second stage on the model's own stories.
   */
  public static Trained train(
      List<LabelledSet> sets,
      ClusterOptions options,
      SentenceEmbedder embedder,
      Map<String, Profile> profiles,
      boolean ownStories) {
    boolean emb = embedder != null;
    int d = PairFeatures.names(emb).size();
    Profiler profiler = new Profiler(embedder);
    List<Example> examples = new ArrayList<>();
    List<List<Example>> goldBySet = new ArrayList<>();
    List<List<Article>> orderedSets = new ArrayList<>();
    Map<String, Profile> cache = profiles == null ? new HashMap<>() : profiles;
    List<TermStats> replayStats = new ArrayList<>();
    int pos = 0;
    LinkModel seed =
        LogisticRegression.fit(
            List.of(new Example(new double[d], false), new Example(new double[d], true)), L2, 1);
    for (LabelledSet set : sets) {
      List<Article> ordered =
          PublicationOrder.sort(
              set.articles().stream().filter(a -> set.gold().containsKey(a.id())).toList());
      orderedSets.add(ordered);
      ordered.parallelStream()
          .filter(a -> !cache.containsKey(a.id()))
          .map(a -> Map.entry(a.id(), profiler.profile(a)))
          .toList()
          .forEach(e -> cache.put(e.getKey(), e.getValue()));
      StoryClusterer replay = new StoryClusterer(seed, TermStats.empty(), options, embedder);
      Map<String, Integer> goldStory = new HashMap<>();
      List<Example> replayPairs = new ArrayList<>();
      for (Article a : ordered) {
        Profile p = cache.get(a.id());
        String label = set.gold().get(a.id());
        Integer story = goldStory.get(label);
        // Features are measured before the article is counted, as in StoryClusterer.add.
        TermStats stats = replay.stats();
        stats.add(p);
        if (story != null) {
          replayPairs.add(
              new Example(PairFeatures.compute(p, replay.storyProfile(story), stats, emb), true));
          pos++;
        }
        for (int c : replay.candidates(p)) {
          if (story != null && c == story) continue;
          replayPairs.add(
              new Example(PairFeatures.compute(p, replay.storyProfile(c), stats, emb), false));
        }
        goldStory.put(label, replay.addToCounted(story == null ? -1 : story, a, p));
      }
      replayStats.add(replay.stats().freeze());
      goldBySet.add(replayPairs);
      // Every set weighs the same in total.
      double w = replayPairs.isEmpty() ? 1 : SET_WEIGHT / replayPairs.size();
      for (Example e : replayPairs) examples.add(new Example(e.x(), e.same(), w));
    }
    TermStats background = TermStats.combine(replayStats);
    // How long stories go quiet and still continue, in the labelled data: sets the window.
    int gap = PairFeatures.NAMES.indexOf("log_days_apart");
    double[] gaps =
        examples.stream()
            .filter(Example::same)
            .mapToDouble(e -> e.x()[gap])
            .filter(v -> !Double.isNaN(v))
            .map(Math::expm1)
            .sorted()
            .toArray();
    double horizon =
        gaps.length == 0 ? Double.NaN : gaps[(int) Math.min(gaps.length - 1, 0.99 * gaps.length)];
    Function<List<Example>, Tuned> learn =
        pairs ->
            tune(
                LogisticRegression.fit(pairs, L2, ITERATIONS).withHorizonDays(horizon),
                sets,
                orderedSets,
                cache,
                background,
                options,
                embedder);
    Tuned tuned = learn.apply(examples);
    // The gold replay above compares each article with gold stories only; the clusterer compares
    // it with the stories it built itself, and in a dated stream an early loose join grows into a
    // topic bucket that every later article of the topic is close to (in time, people, words).
    // So the model is learned once more with the pairs its own clustering of each dated set meets
    // added, as DAgger does (Ross et al. 2011). Undated sets have no such drift over time and keep
    // their gold pairs alone. Each set still weighs the same in total: a dated set's gold and own
    // pairs half each.
    List<Example> all = new ArrayList<>();
    int own = 0;
    for (int s = 0; s < sets.size(); s++) {
      List<Example> gold = goldBySet.get(s);
      List<Example> mine =
          !ownStories || orderedSets.get(s).stream().allMatch(a -> a.published() == null)
              ? List.of()
              : onPolicy(tuned.model(), sets.get(s), orderedSets.get(s), cache, options, embedder);
      double share = mine.isEmpty() ? SET_WEIGHT : SET_WEIGHT / 2;
      for (Example e : gold) all.add(new Example(e.x(), e.same(), share / gold.size()));
      for (Example e : mine) {
        all.add(new Example(e.x(), e.same(), share / mine.size()));
        if (e.same()) pos++;
      }
      own += mine.size();
    }
    if (own > 0) tuned = learn.apply(all);
    return new Trained(tuned.model(), background, pos, all.size() - pos, tuned.f1());
  }

  private record Tuned(LinkModel model, double f1) {}

  /**
   * {@code weights} with the threshold whose worst set scores best when each set's training
   * articles are clustered as a stream of their own, each threshold scored by the mean of itself
   * and its two neighbours {@link #SMOOTH} away: a coarse grid, then a finer one around the best.
   *
   * <p>The worst set rather than the mean, because one model serves every kind of news and a
   * threshold that buys one set's gain with another's loss does not carry to a kind never seen. The
   * neighbours, because the training F1 of a set is a jagged function of the threshold and its
   * single highest point is often a spike that held-out folds do not share (cross-validated on the
   * three labelled sets, both together moved held-out B-cubed F1 by +0.003 to +0.008 on each, see
   * docs/clustering.md).
   */
  private static Tuned tune(
      LinkModel weights,
      List<LabelledSet> sets,
      List<List<Article>> orderedSets,
      Map<String, Profile> cache,
      TermStats background,
      ClusterOptions options,
      SentenceEmbedder embedder) {
    List<DoubleUnaryOperator> perSet = new ArrayList<>();
    for (int s = 0; s < sets.size(); s++) {
      int set = s;
      perSet.add(
          t -> {
            StoryClusterer c =
                new StoryClusterer(weights, background.copy(), options.withThreshold(t), embedder);
            for (Article a : orderedSets.get(set)) c.add(a, cache.get(a.id()));
            c.finish();
            return sets.get(set).objective().applyAsDouble(c.assignments());
          });
    }
    double[] best = bestThreshold(perSet);
    return new Tuned(weights.withThreshold(best[0]), best[1]);
  }

  /**
   * The threshold (and its smoothed score) that {@code tune} picks given each set's objective as a
   * function of the threshold: the worst set's score, averaged over the threshold and its
   * neighbours {@link #SMOOTH} away, maximized over a coarse grid and then a finer one around the
   * best; ties go to the lower threshold. Each objective is evaluated once per distinct threshold.
   */
  static double[] bestThreshold(List<DoubleUnaryOperator> perSet) {
    Map<Double, Double> worstAt = new HashMap<>();
    DoubleUnaryOperator worst =
        t ->
            worstAt.computeIfAbsent(
                Math.round(t * 10000) / 10000.0,
                k -> perSet.stream().mapToDouble(f -> f.applyAsDouble(k)).min().orElse(0));
    double bestT = 0.5;
    double bestF = -1;
    for (double[] grid : new double[][] {COARSE, null}) {
      double[] points = grid != null ? grid : fine(bestT);
      for (double t : points) {
        double f =
            (worst.applyAsDouble(t - SMOOTH)
                    + worst.applyAsDouble(t)
                    + worst.applyAsDouble(t + SMOOTH))
                / 3;
        if (f > bestF + 1e-9 || (Math.abs(f - bestF) <= 1e-9 && t < bestT)) {
          bestF = f;
          bestT = t;
        }
      }
    }
    return new double[] {bestT, bestF};
  }

  /**
   * The pairs the clusterer meets when {@code model} itself builds the stories (the clusterer's own
   * decisions, observed): each article against each open candidate, labelled same when the
   * article's gold story is the one most of the candidate's articles belong to (so a bucket of many
   * events teaches "apart" to all but one).
   */
  static List<Example> onPolicy(
      LinkModel model,
      LabelledSet set,
      List<Article> ordered,
      Map<String, Profile> cache,
      ClusterOptions options,
      SentenceEmbedder embedder) {
    StoryClusterer run =
        new StoryClusterer(
            model,
            TermStats.empty(),
            options.toBuilder().threshold(model.threshold()).build(),
            embedder);
    // Gold label counts and the majority label, by story number.
    List<Map<String, Integer>> golds = new ArrayList<>();
    List<String> majority = new ArrayList<>();
    List<Example> out = new ArrayList<>();
    for (Article a : ordered) {
      String label = set.gold().get(a.id());
      StoryClusterer.Observer observer =
          new StoryClusterer.Observer() {
            @Override
            public void scored(int story, double[] x) {
              out.add(new Example(x, label.equals(majority.get(story))));
            }

            @Override
            public void folded(int into, int from) {
              golds.get(from).forEach((l, n) -> count(golds, majority, into, l, n));
            }
          };
      int s = run.add(a, cache.get(a.id()), observer);
      if (s == golds.size()) {
        golds.add(new HashMap<>());
        majority.add(label);
      }
      count(golds, majority, s, label, 1);
    }
    return out;
  }

  private static void count(
      List<Map<String, Integer>> golds, List<String> majority, int story, String label, int n) {
    Map<String, Integer> g = golds.get(story);
    int c = g.merge(label, n, Integer::sum);
    if (c > g.getOrDefault(majority.get(story), 0)) majority.set(story, label);
  }

  private static final double[] COARSE = {
    0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99
  };

  /** A finer grid around {@code t}: steps of 0.0125 within 0.05 of it, inside (0, 1). */
  static double[] fine(double t) {
    List<Double> out = new ArrayList<>();
    for (int i = -4; i <= 4; i++) {
      double x = Math.round((t + i * 0.0125) * 10000) / 10000.0;
      if (x > 0.0 && x < 0.999) out.add(x);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
