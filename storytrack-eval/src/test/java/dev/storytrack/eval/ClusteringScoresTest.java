package dev.storytrack.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {
  private static final double EPS = 1e-9;

  @Test
  void handComputedSplitAndWrongJoin() {
    // gold {a,b} {c}; predicted {a} {b,c}
    Map<String, String> gold = Map.of("a", "1", "b", "1", "c", "2");
    Map<String, String> pred = Map.of("a", "x", "b", "y", "c", "y");
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    // a: P 1, R 1/2; b: P 1/2, R 1/2; c: P 1/2, R 1
    assertThat(s.bcubedPrecision()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(s.bcubedRecall()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(s.bcubedF1()).isCloseTo(2.0 / 3, within(EPS));
    // predicted pair (b,c) is wrong, gold pair (a,b) is missed
    assertThat(s.pairPrecision()).isZero();
    assertThat(s.pairRecall()).isZero();
    assertThat(s.pairF1()).isZero();
    assertThat(s.stories()).isEqualTo(2);
    assertThat(s.goldStories()).isEqualTo(2);
  }

  @Test
  void handComputedOneBigCluster() {
    Map<String, String> gold = Map.of("a", "1", "b", "1", "c", "1", "d", "2");
    Map<String, String> pred = Map.of("a", "X", "b", "X", "c", "X", "d", "X");
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    // a,b,c: 3/4 each, d: 1/4
    assertThat(s.bcubedPrecision()).isCloseTo(0.625, within(EPS));
    assertThat(s.bcubedRecall()).isCloseTo(1.0, within(EPS));
    assertThat(s.bcubedF1()).isCloseTo(2 * 0.625 / 1.625, within(EPS));
    // 6 predicted pairs, 3 gold pairs, all 3 found
    assertThat(s.pairPrecision()).isCloseTo(0.5, within(EPS));
    assertThat(s.pairRecall()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void missingPredictionIsASingletonAndExtraPredictionsAreIgnored() {
    Map<String, String> gold = Map.of("a", "1", "b", "1");
    Map<String, String> pred = Map.of("a", "x", "z", "x");
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    assertThat(s.articles()).isEqualTo(2);
    assertThat(s.bcubedPrecision()).isCloseTo(1.0, within(EPS));
    assertThat(s.bcubedRecall()).isCloseTo(0.5, within(EPS));
    assertThat(s.pairRecall()).isZero();
  }

  @Property
  void perfectClusteringScoresOne(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(max = 8) Integer> labels) {
    Map<String, String> gold = gold(labels);
    Map<String, String> pred = new HashMap<>();
    gold.forEach((id, g) -> pred.put(id, "story-" + g));
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    assertThat(s.bcubedF1()).isCloseTo(1.0, within(EPS));
    assertThat(s.pairF1()).isCloseTo(1.0, within(EPS));
    assertThat(s.stories()).isEqualTo(s.goldStories());
  }

  @Property
  void singletonsHavePerfectPrecision(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(max = 8) Integer> labels) {
    Map<String, String> gold = gold(labels);
    Map<String, String> pred = new HashMap<>();
    gold.keySet().forEach(id -> pred.put(id, id));
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    assertThat(s.bcubedPrecision()).isCloseTo(1.0, within(EPS));
    assertThat(s.pairPrecision()).isCloseTo(1.0, within(EPS));
    // recall is the mean of 1/|gold cluster|
    double r =
        gold.values().stream()
            .mapToDouble(g -> 1.0 / gold.values().stream().filter(g::equals).count())
            .average()
            .orElseThrow();
    assertThat(s.bcubedRecall()).isCloseTo(r, within(EPS));
  }

  @Property
  void oneClusterHasPerfectRecall(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(max = 8) Integer> labels) {
    Map<String, String> gold = gold(labels);
    Map<String, String> pred = new HashMap<>();
    gold.keySet().forEach(id -> pred.put(id, "all"));
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    assertThat(s.bcubedRecall()).isCloseTo(1.0, within(EPS));
    assertThat(s.pairRecall()).isCloseTo(1.0, within(EPS));
  }

  @Property
  void swappingPredictionAndGoldSwapsPrecisionAndRecall(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 6) Integer> a,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(max = 6) Integer> b) {
    Map<String, String> gold = gold(a);
    Map<String, String> pred = gold(b.subList(0, a.size()));
    ClusteringScores s = ClusteringScores.compute(pred, gold);
    ClusteringScores t = ClusteringScores.compute(gold, pred);
    assertThat(s.bcubedPrecision()).isCloseTo(t.bcubedRecall(), within(EPS));
    assertThat(s.pairPrecision()).isCloseTo(t.pairRecall(), within(EPS));
    for (double v :
        List.of(
            s.bcubedPrecision(),
            s.bcubedRecall(),
            s.bcubedF1(),
            s.pairPrecision(),
            s.pairRecall(),
            s.pairF1())) {
      assertThat(v).isBetween(0.0, 1.0);
    }
  }

  private static Map<String, String> gold(List<Integer> labels) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) m.put("a" + i, String.valueOf(labels.get(i)));
    return m;
  }
}
