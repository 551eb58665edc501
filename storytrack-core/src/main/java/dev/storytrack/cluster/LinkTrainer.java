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
import java.util.function.ToDoubleFunction;

/**
 * Learns the link model from articles with gold story labels.
 *
 * <p>Pairs are drawn the way the clusterer meets them: the labelled articles are replayed in
 * publication order into gold stories; for each article, its gold story (when it already exists)
 * gives a positive and every other candidate the index returns gives a negative. Logistic
 * regression learns the weights from those pairs; the threshold is then the one that maximizes
 * B-cubed F1 when clustering the same training articles.
 */
public final class LinkTrainer {
  private static final double L2 = 1e-3;
  private static final int ITERATIONS = 3000;

  private LinkTrainer() {}

  /** The result of training: the model and the document frequencies of the training articles. */
  public record Trained(LinkModel model, TermStats documentFrequencies, int positives, int negatives,
      double trainF1) {}

  /**
   * Trains on {@code articles} (any order) labelled by {@code gold}; {@code objective} scores a
   * clustering of them (article id to story id), higher is better (e.g. B-cubed F1 against gold).
   */
  public static Trained train(List<Article> articles, Map<String, String> gold,
      ClusterOptions options, ToDoubleFunction<Map<String, String>> objective) {
    return train(articles, gold, options, objective, null);
  }

  /**
   * As {@link #train(List, Map, ClusterOptions, ToDoubleFunction)}; with an {@code embedder} the
   * model also learns the sentence-embedding feature ({@link PairFeatures#EMBEDDING}).
   */
  public static Trained train(List<Article> articles, Map<String, String> gold,
      ClusterOptions options, ToDoubleFunction<Map<String, String>> objective,
      SentenceEmbedder embedder) {
    boolean emb = embedder != null;
    int d = PairFeatures.names(emb).size();
    List<Article> ordered = PublicationOrder.sort(
        articles.stream().filter(a -> gold.containsKey(a.id())).toList());
    Profiler profiler = new Profiler(embedder);
    Map<String, Profile> profiles = new HashMap<>();
    for (Article a : ordered) profiles.put(a.id(), profiler.profile(a));
    LinkModel seed = LogisticRegression.fit(List.of(
        new Example(new double[d], false),
        new Example(new double[d], true)), L2, 1);
    StoryClusterer replay = new StoryClusterer(seed, TermStats.empty(), options, embedder);
    Map<String, Integer> goldStory = new HashMap<>();
    List<Example> examples = new ArrayList<>();
    int pos = 0;
    for (Article a : ordered) {
      Profile p = profiles.get(a.id());
      String label = gold.get(a.id());
      Integer own = goldStory.get(label);
      // Features are measured before the article is counted, as in StoryClusterer.add.
      TermStats stats = replay.stats();
      stats.add(p);
      if (own != null) {
        examples.add(new Example(PairFeatures.compute(p, replay.storyProfile(own), stats, emb), true));
        pos++;
      }
      for (int c : replay.candidates(p)) {
        if (own != null && c == own) continue;
        examples.add(new Example(PairFeatures.compute(p, replay.storyProfile(c), stats, emb), false));
      }
      goldStory.put(label, replay.addToCounted(own == null ? -1 : own, a, p));
    }
    LinkModel fitted = LogisticRegression.fit(examples, L2, ITERATIONS);
    double bestT = 0.5;
    double bestF = -1;
    for (int i = 2; i <= 38; i++) {
      double t = i * 0.025;
      StoryClusterer c = new StoryClusterer(fitted, TermStats.empty(), options.withThreshold(t),
          embedder);
      for (Article a : ordered) c.add(a, profiles.get(a.id()));
      c.finish();
      double f = objective.applyAsDouble(c.assignments());
      if (f > bestF + 1e-9) {
        bestF = f;
        bestT = t;
      }
    }
    return new Trained(fitted.withThreshold(bestT), replay.stats().freeze(), pos,
        examples.size() - pos, bestF);
  }
}
