package dev.storytrack.eval.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class PeersPropertiesTest {
  private static final List<String> WORDS =
      List.of(
          "river", "flood", "bridge", "mayor", "storm", "vote", "senate", "budget", "market",
          "shares", "striker", "goal", "fire", "forest", "court", "judge", "virus", "vaccine",
          "rocket", "launch");

  @Provide
  Arbitrary<List<Article>> corpora() {
    Arbitrary<String> text =
        Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(12).map(w -> String.join(" ", w));
    return text.list()
        .ofMinSize(1)
        .ofMaxSize(25)
        .map(
            texts -> {
              List<Article> out = new ArrayList<>();
              for (int i = 0; i < texts.size(); i++) {
                // Some undated, some sharing a time: publication order must still be deterministic.
                out.add(PeersTest.article("a" + i, "", texts.get(i), i % 3 == 0 ? i / 2 : i));
              }
              return out;
            });
  }

  @Property(tries = 100)
  void aThresholdAboveOneGivesSingletons(
      @ForAll("corpora") List<Article> a,
      @ForAll @DoubleRange(min = 1.01, max = 5) double threshold) {
    assertThat(new HashSet<>(new SinglePassTfIdf(threshold).cluster(a).values())).hasSize(a.size());
    assertThat(new HashSet<>(new AgglomerativeTfIdf(threshold).cluster(a).values()))
        .hasSize(a.size());
  }

  @Property(tries = 100)
  void resultsAreDeterministic(
      @ForAll("corpora") List<Article> a, @ForAll @DoubleRange(min = 0, max = 1) double threshold) {
    assertThat(new SinglePassTfIdf(threshold).cluster(a))
        .isEqualTo(new SinglePassTfIdf(threshold).cluster(List.copyOf(a)))
        .containsOnlyKeys(a.stream().map(Article::id).toList());
    assertThat(new AgglomerativeTfIdf(threshold).cluster(a))
        .isEqualTo(new AgglomerativeTfIdf(threshold).cluster(List.copyOf(a)))
        .containsOnlyKeys(a.stream().map(Article::id).toList());
  }

  /**
   * The nearest-neighbour chain's dendrogram, cut at t, equals textbook greedy average linkage
   * (merge the pair of highest mean cross similarity while it is >= t) on random similarities.
   */
  @Property(tries = 200)
  void theDendrogramCutEqualsGreedyAverageLinkage(
      @ForAll @IntRange(min = 1, max = 14) int n,
      @ForAll("seeds") long seed,
      @ForAll @DoubleRange(min = 0, max = 1) double t) {
    java.util.Random r = new java.util.Random(seed);
    float[] sim = new float[n * (n - 1) / 2];
    for (int i = 0; i < sim.length; i++) sim[i] = r.nextFloat();
    float[] copy = sim.clone();
    AgglomerativeTfIdf.Dendrogram d = AgglomerativeTfIdf.dendrogram(n, sim);
    // Heights are floats, greedy's means doubles: a threshold within rounding of a merge is moot.
    for (int m = 0; m < d.merges(); m++) Assume.that(Math.abs(d.height(m) - t) > 1e-5);
    int[] cut = d.cut(t);
    assertThat(partition(cut)).isEqualTo(greedy(n, copy, t));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  private static Set<Set<Integer>> partition(int[] labels) {
    Map<Integer, Set<Integer>> by = new HashMap<>();
    for (int i = 0; i < labels.length; i++)
      by.computeIfAbsent(labels[i], k -> new HashSet<>()).add(i);
    return new HashSet<>(by.values());
  }

  private static Set<Set<Integer>> greedy(int n, float[] sim, double t) {
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) clusters.add(new ArrayList<>(List.of(i)));
    while (clusters.size() > 1) {
      int bi = -1;
      int bj = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < clusters.size(); i++) {
        for (int j = i + 1; j < clusters.size(); j++) {
          double s = 0;
          for (int a : clusters.get(i)) {
            for (int b : clusters.get(j))
              s += sim[a > b ? a * (a - 1) / 2 + b : b * (b - 1) / 2 + a];
          }
          s /= clusters.get(i).size() * clusters.get(j).size();
          if (s > best) {
            best = s;
            bi = i;
            bj = j;
          }
        }
      }
      if (best < t) break;
      clusters.get(bi).addAll(clusters.remove(bj));
    }
    Set<Set<Integer>> out = new HashSet<>();
    for (List<Integer> c : clusters) out.add(new HashSet<>(c));
    return out;
  }
}
