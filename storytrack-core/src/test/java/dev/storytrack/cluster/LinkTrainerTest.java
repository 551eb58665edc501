package dev.storytrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storytrack.article.Article;
import dev.storytrack.link.Fixtures;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.LogisticRegression.Example;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class LinkTrainerTest {
  private static final Instant DAY0 = Instant.parse("2019-04-01T10:00:00Z");

  /** Four dated copies of the first seed, a day apart, with the given gold stories. */
  private static LinkTrainer.LabelledSet copies(String... gold) {
    Article seed = Fixtures.seeds().get(0);
    List<Article> articles = new ArrayList<>();
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < gold.length; i++) {
      String id = "c" + i;
      articles.add(
          new Article(
              id, "site", "", seed.title(), DAY0.plus(Duration.ofDays(i)), seed.text(), null));
      labels.put(id, gold[i]);
    }
    return new LinkTrainer.LabelledSet("copies", articles, labels, m -> 0);
  }

  private static List<Boolean> onPolicyLabels(LinkTrainer.LabelledSet set, double threshold) {
    Map<String, Profile> profiles = new HashMap<>();
    Profiler profiler = new Profiler(null);
    for (Article a : set.articles()) profiles.put(a.id(), profiler.profile(a));
    List<Example> pairs =
        LinkTrainer.onPolicy(
            LinkModel.shipped().withThreshold(threshold),
            set,
            set.articles(),
            profiles,
            ClusterOptions.defaults(),
            null);
    return pairs.stream().map(Example::same).toList();
  }

  @Test
  void ownStoriesAreLabelledByTheirMajorityGoldStory() {
    LinkTrainer.LabelledSet set = copies("x", "y", "y", "y");
    // Threshold 0: the model puts every copy into the first story. The second copy meets {x},
    // the third {x, y} (a tie keeps the story's first label), the fourth {x, y, y}.
    assertThat(onPolicyLabels(set, 0.0)).containsExactly(false, false, true);
  }

  @Test
  void pairsFollowTheModelsOwnDecisions() {
    LinkTrainer.LabelledSet set = copies("x", "y", "y", "y");
    // A threshold above 1 joins nothing: each copy meets every earlier copy's own story.
    List<Boolean> labels = onPolicyLabels(set, 1.01);
    assertThat(labels).hasSize(6);
    assertThat(labels.stream().filter(b -> b).count()).isEqualTo(3);
  }

  @Test
  void aStoryPastTheWindowIsNotMetAsTheClustererWouldNotMeetIt() {
    // The second copy comes a day after the model's horizon: the clusterer judges the first story
    // quiet by the arriving article's date and never scores it, so training meets no pair either.
    LinkModel model = LinkModel.shipped().withThreshold(0.0);
    long days = model.horizon().orElseThrow().toDays() + 1;
    Article seed = Fixtures.seeds().get(0);
    List<Article> articles =
        List.of(
            new Article("early", "site", "", seed.title(), DAY0, seed.text(), null),
            new Article(
                "late",
                "site",
                "",
                seed.title(),
                DAY0.plus(Duration.ofDays(days)),
                seed.text(),
                null));
    LinkTrainer.LabelledSet set =
        new LinkTrainer.LabelledSet("gap", articles, Map.of("early", "x", "late", "x"), m -> 0);
    Map<String, Profile> profiles = new HashMap<>();
    Profiler profiler = new Profiler(null);
    for (Article a : articles) profiles.put(a.id(), profiler.profile(a));
    assertThat(
            LinkTrainer.onPolicy(model, set, articles, profiles, ClusterOptions.defaults(), null))
        .isEmpty();
    LinkTrainer.LabelledSet near = copies("x", "x");
    assertThat(onPolicyLabels(near, 0.0)).containsExactly(true);
  }

  @Test
  void onlyDatedSetsAddTheModelsOwnPairs() {
    LinkTrainer.LabelledSet dated = copies("x", "x", "y", "y");
    List<Article> undatedArticles =
        dated.articles().stream()
            .map(a -> new Article(a.id(), a.source(), a.url(), a.title(), null, a.text(), null))
            .toList();
    LinkTrainer.LabelledSet undated =
        new LinkTrainer.LabelledSet("undated", undatedArticles, dated.gold(), m -> 0);
    LinkTrainer.Trained d =
        LinkTrainer.train(List.of(dated), ClusterOptions.defaults(), null, null);
    LinkTrainer.Trained u =
        LinkTrainer.train(List.of(undated), ClusterOptions.defaults(), null, null);
    // Gold replay: copies 2 and 4 meet their gold story (2 positives), every copy from the third
    // on meets the other story too (2 negatives), dated or not.
    assertThat(u.positives() + u.negatives()).isEqualTo(4);
    assertThat(d.positives() + d.negatives()).isGreaterThan(4);
    LinkTrainer.Trained goldOnly =
        LinkTrainer.train(List.of(dated), ClusterOptions.defaults(), null, null, false);
    assertThat(goldOnly.positives() + goldOnly.negatives()).isEqualTo(4);
  }

  @Test
  void theThresholdServesTheWorstSetNotTheMean() {
    // Set a is best at low thresholds, b at high ones; the mean of the two falls with the
    // threshold (a loses faster than b gains), so it would pick the lowest; the worst of the two
    // is best where they cross, at 0.8 / 1.3.
    DoubleUnaryOperator a = t -> 1.0 - 0.8 * t;
    DoubleUnaryOperator b = t -> 0.2 + 0.5 * t;
    double[] best = LinkTrainer.bestThreshold(List.of(a, b));
    assertThat(best[0]).isCloseTo(0.8 / 1.3, within(0.0125));
    assertThat(best[1]).isCloseTo(0.2 + 0.5 * 0.8 / 1.3, within(0.02));
    // One set alone: its own best, the lowest threshold the grids hold.
    assertThat(LinkTrainer.bestThreshold(List.of(a))[0]).isCloseTo(0.05, within(1e-9));
  }

  @Test
  void aLoneSpikeLosesToAPlateau() {
    // A spike of 0.95 at exactly 0.3 beside 0.5 on both sides, and a plateau of 0.9 from 0.6 to
    // 0.8: unsmoothed the spike would win.
    DoubleUnaryOperator f =
        t -> Math.abs(t - 0.3) < 1e-6 ? 0.95 : t >= 0.6 - 1e-6 && t <= 0.8 + 1e-6 ? 0.9 : 0.5;
    double t = LinkTrainer.bestThreshold(List.of(f))[0];
    assertThat(t).isBetween(0.6 + 0.025 - 1e-9, 0.8 - 0.025 + 1e-9);
  }

  @Test
  void eachThresholdIsScoredOnce() {
    Map<Double, Integer> calls = new HashMap<>();
    DoubleUnaryOperator f =
        t -> {
          calls.merge(t, 1, Integer::sum);
          return t;
        };
    LinkTrainer.bestThreshold(List.of(f));
    assertThat(calls.values()).containsOnly(1);
  }
}
