package dev.storytrack.eval.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storytrack.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeersTest {
  /** Two reports each of two unrelated events, interleaved in time. */
  static List<Article> twoEvents() {
    String[] quake = {
      "A magnitude 7.1 earthquake struck southern Chile on Tuesday, collapsing houses in Temuco "
          + "and cutting power to thousands; rescuers searched the rubble for survivors.",
      "Rescuers in Temuco searched collapsed houses after the earthquake in southern Chile, "
          + "where the magnitude 7.1 tremor cut power and killed at least twelve people.",
      "Chile earthquake: survivors pulled from rubble in Temuco as aftershocks shake the south; "
          + "power still cut to thousands of houses.",
    };
    String[] football = {
      "Real Madrid beat Barcelona 3-1 in the league at the Bernabeu, with the striker scoring "
          + "twice before half time and the goalkeeper saving a penalty.",
      "The striker scored twice as Real Madrid won the clasico against Barcelona at the "
          + "Bernabeu; a penalty save by the goalkeeper sealed the league win.",
      "Barcelona lose at the Bernabeu: Real Madrid's striker scores twice, goalkeeper saves "
          + "penalty in a 3-1 league win.",
    };
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(article("q" + i, "Earthquake in Chile", quake[i], 2 * i));
      out.add(article("f" + i, "Madrid beat Barcelona", football[i], 2 * i + 1));
    }
    return out;
  }

  static Article article(String id, String title, String text, int hour) {
    return new Article(
        id,
        "",
        "",
        title,
        Instant.parse("2024-05-01T00:00:00Z").plusSeconds(3600L * hour),
        text,
        null);
  }

  private static Set<Set<String>> partition(Map<String, String> assignments) {
    Map<String, Set<String>> by = new java.util.TreeMap<>();
    assignments.forEach((id, c) -> by.computeIfAbsent(c, k -> new java.util.TreeSet<>()).add(id));
    return new HashSet<>(by.values());
  }

  private static final Set<Set<String>> EVENTS =
      Set.of(Set.of("q0", "q1", "q2"), Set.of("f0", "f1", "f2"));
  private static final Set<Set<String>> ONE = Set.of(Set.of("q0", "q1", "q2", "f0", "f1", "f2"));

  @Test
  void singlePassSeparatesTwoEventsAtASensibleThresholdAndJoinsAllAtZero() {
    assertThat(partition(new SinglePassTfIdf(0.2).cluster(twoEvents()))).isEqualTo(EVENTS);
    assertThat(partition(new SinglePassTfIdf(0).cluster(twoEvents()))).isEqualTo(ONE);
  }

  @Test
  void agglomerativeSeparatesTwoEventsAtASensibleThresholdAndJoinsAllAtZero() {
    assertThat(partition(new AgglomerativeTfIdf(0.2).cluster(twoEvents()))).isEqualTo(EVENTS);
    assertThat(partition(new AgglomerativeTfIdf(0).cluster(twoEvents()))).isEqualTo(ONE);
  }

  @Test
  void vectorsAreUnitLengthAndShareNoTermsAcrossUnrelatedEvents() {
    TfIdfVectors v = TfIdfVectors.of(twoEvents());
    for (int d = 0; d < v.size(); d++) assertThat(v.cosine(d, d)).isCloseTo(1.0, within(1e-5));
    // q0 and f0 share no analyzed term (stop words and numbers are dropped).
    assertThat(v.cosine(0, 1)).isZero();
    assertThat(v.cosine(0, 2)).isGreaterThan(0.2);
    // The inverted index gives the same dot products as the merge of sorted vectors.
    float[] sim = AgglomerativeTfIdf.similarities(v);
    for (int i = 1; i < v.size(); i++) {
      for (int j = 0; j < i; j++) {
        assertThat((double) sim[i * (i - 1) / 2 + j]).isCloseTo(v.cosine(i, j), within(1e-5));
      }
    }
  }

  @Test
  void singlePassComparesWithTheCentroidNotTheBestMember() {
    // d2 shares a term with d0 only; once d1 has joined d0, the centroid of the two is what d2
    // is compared with, and it is further away than d0 alone.
    List<Article> a =
        List.of(
            article("d0", "", "alpha bravo", 0),
            article("d1", "", "alpha charlie", 1),
            article("d2", "", "bravo delta", 2));
    TfIdfVectors v = TfIdfVectors.of(a);
    double c01 = v.cosine(0, 1);
    double c02 = v.cosine(0, 2);
    // The centroid d0 + d1 has norm sqrt(2 + 2 c01); d2 is orthogonal to d1.
    assertThat(v.cosine(1, 2)).isZero();
    double toCentroid = c02 / Math.sqrt(2 + 2 * c01);
    double between = (toCentroid + c02) / 2;
    assertThat(c01).isGreaterThan(between);
    assertThat(new SinglePassTfIdf(between).assign(v))
        .as("d2 is too far from the centroid")
        .containsExactly(0, 0, 1);
    assertThat(new SinglePassTfIdf(toCentroid - 1e-6).assign(v)).containsExactly(0, 0, 0);
  }

  /** A hand-made 5-item similarity matrix (lower triangle) for the dendrogram tests. */
  static float[] fiveItems() {
    float[][] s = new float[5][5];
    s[1][0] = 0.9f;
    s[3][2] = 0.8f;
    s[2][0] = s[3][0] = s[2][1] = s[3][1] = 0.1f;
    // 4 is 0.55 from both of {0, 1} (mean 0.55) and 0.7 / 0.2 from {2, 3} (mean 0.45): average
    // linkage joins it to {0, 1}, single linkage would join it to {2, 3}.
    s[4][0] = 0.55f;
    s[4][1] = 0.55f;
    s[4][2] = 0.7f;
    s[4][3] = 0.2f;
    float[] tri = new float[10];
    for (int i = 1; i < 5; i++) for (int j = 0; j < i; j++) tri[i * (i - 1) / 2 + j] = s[i][j];
    return tri;
  }

  @Test
  void averageLinkageMergesInTheRightOrder() {
    AgglomerativeTfIdf.Dendrogram d = AgglomerativeTfIdf.dendrogram(5, fiveItems());
    assertThat(d.merges()).isEqualTo(4);
    double[] heights = new double[4];
    for (int m = 0; m < 4; m++) heights[m] = d.height(m);
    Arrays.sort(heights);
    // Last merge: mean of the six pairs between {0, 1, 4} and {2, 3} = (4 * 0.1 + 0.7 + 0.2) / 6.
    assertThat(heights)
        .containsExactly(new double[] {(0.4 + 0.9) / 6, 0.55, 0.8, 0.9}, within(1e-6));
    assertThat(d.cut(0.85)).containsExactly(0, 0, 2, 3, 4);
    assertThat(d.cut(0.75)).containsExactly(0, 0, 2, 2, 4);
    assertThat(d.cut(0.5)).containsExactly(0, 0, 2, 2, 0);
    assertThat(d.cut(0.2)).containsExactly(0, 0, 0, 0, 0);
    assertThat(d.cut(0.95)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void sweepFindsTheGridPointOfHighestF1() {
    List<Article> a = twoEvents();
    Map<String, String> gold =
        Map.of("q0", "Q", "q1", "Q", "q2", "Q", "f0", "F", "f1", "F", "f2", "F");
    List<Double> grid = ThresholdSweep.grid(0.0, 1.0, 0.25);
    assertThat(grid).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    TfIdfVectors v = ThresholdSweep.vectors(a);
    for (ThresholdSweep.Peer p : ThresholdSweep.Peer.values()) {
      ThresholdSweep.Result r = ThresholdSweep.run(p, v, gold, grid);
      assertThat(r.points()).hasSize(5);
      assertThat(r.best().scores().bcubedF1()).as(p.title()).isEqualTo(1.0);
      assertThat(r.at(0.0).scores().stories()).isEqualTo(1);
      assertThat(r.at(1.0).scores().bcubedPrecision()).isEqualTo(1.0);
    }
  }
}
