package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The sparse vectors agree with the String-keyed maps they replace, on random weights. */
class VecTest {
  private static TermStats stats(Map<String, Integer> df) {
    TermStats s = TermStats.empty();
    // Documents of one term each, so the document frequency of a key is its count.
    df.forEach(
        (k, n) -> {
          for (int i = 0; i < n; i++) {
            s.add(withTerms(Map.of(k, 1)));
          }
        });
    return s;
  }

  /** An undated profile with these term counts and nothing else. */
  private static Profile withTerms(Map<String, Integer> terms) {
    Map<String, Integer> none = Map.of();
    return Profile.of(
        terms, none, none, none, none, none, none, none, none, new HashMap<>(), new int[0], null);
  }

  private static Map<String, Float> weights(Map<String, Integer> m) {
    Map<String, Float> w = new HashMap<>();
    m.forEach((k, v) -> w.put(k, v / 8f));
    return w;
  }

  @Property(tries = 200)
  void dotSumAndNormAreThoseOfTheMaps(
      @ForAll @Size(max = 120)
          Map<@StringLength(min = 1, max = 2) String, @IntRange(min = 1, max = 40) Integer> a,
      @ForAll @Size(max = 120)
          Map<@StringLength(min = 1, max = 2) String, @IntRange(min = 1, max = 40) Integer> b,
      @ForAll @Size(max = 60)
          Map<@StringLength(min = 1, max = 2) String, @IntRange(min = 1, max = 5) Integer> df) {
    TermStats stats = stats(df);
    Map<String, Float> ma = weights(a);
    Map<String, Float> mb = weights(b);
    Vec va = Vec.of(ma, stats.terms());
    Vec vb = Vec.of(mb, stats.terms());
    assertThat(va.ids).isSorted().doesNotHaveDuplicates();
    assertThat(va.toMap(stats.terms())).isEqualTo(ma);

    double dot = 0;
    for (var e : ma.entrySet()) {
      Float o = mb.get(e.getKey());
      if (o != null) dot += e.getValue() * o * Math.pow(stats.idf(e.getKey()), 2);
    }
    assertThat(Vec.dot(va, vb, stats, false)).isCloseTo(dot, within(1e-9 * (1 + dot)));
    assertThat(Vec.dot(vb, va, stats, false)).isCloseTo(dot, within(1e-9 * (1 + dot)));

    Map<String, Float> sum = new HashMap<>(ma);
    mb.forEach((k, v) -> sum.merge(k, v, Float::sum));
    double[] delta = new double[1];
    Vec vs = Vec.sum(va, vb, stats, false, delta);
    assertThat(vs.toMap(stats.terms())).isEqualTo(sum);
    assertThat(vs.ids).isSorted().doesNotHaveDuplicates();
    double before = va.squaredNorm(stats, false);
    double after = vs.squaredNorm(stats, false);
    assertThat(before + delta[0]).isCloseTo(after, within(1e-9 * (1 + after)));
  }

  /**
   * Log-TF weights at unit length made straight from counts are, bit for bit, those of the two maps
   * of floats the profiler made first (weights, then scaled), in whatever order the counts come:
   * keys in the order of a map, in reverse, and repeated in larger counts.
   */
  @Property(tries = 300)
  void weightsFromCountsAreThoseOfTheWeightMaps(
      @ForAll @Size(max = 400)
          Map<@StringLength(min = 1, max = 3) String, @IntRange(min = 1, max = 5000) Integer>
              counts) {
    Map<String, Float> logTf = new HashMap<>(counts.size() * 2);
    counts.forEach((k, v) -> logTf.put(k, (float) (1 + Math.log(v))));
    double n = 0;
    for (float v : logTf.values()) n += v * v;
    float inv = (float) (1 / Math.sqrt(n));
    Map<String, Float> expected = new HashMap<>();
    for (Map.Entry<String, Float> e : logTf.entrySet()) {
      expected.put(e.getKey(), n == 0 ? e.getValue() : e.getValue() * inv);
    }

    Map<String, Integer> reversed = new java.util.LinkedHashMap<>();
    List<String> keys = new ArrayList<>(counts.keySet());
    java.util.Collections.reverse(keys);
    for (String k : keys) reversed.put(k, counts.get(k));
    for (Map<String, Integer> order : List.of(counts, reversed)) {
      TermIds dict = new TermIds(16);
      Vec v = Vec.ofCounts(order, dict);
      assertThat(v.ids).isSorted().doesNotHaveDuplicates();
      Map<String, Float> got = v.toMap(dict);
      assertThat(got.keySet()).isEqualTo(expected.keySet());
      got.forEach(
          (k, w) ->
              assertThat(Float.floatToRawIntBits(w))
                  .as(k)
                  .isEqualTo(Float.floatToRawIntBits(expected.get(k))));
    }
  }

  /** Pruning keeps the heaviest entries, ties at the cut by key, as a full sort keeps them. */
  @Property(tries = 300)
  void topKeepsWhatAFullSortKeeps(
      @ForAll @Size(max = 400)
          Map<@StringLength(max = 3) String, @IntRange(min = 0, max = 20) Integer> weights,
      @ForAll @IntRange(min = 1, max = 150) int max) {
    // Few distinct weights: ties at the cut are the rule, as in real profiles.
    Map<String, Float> m = weights(weights);
    TermIds dict = new TermIds(4);
    Vec v = Vec.of(m, dict);
    Vec top = v.top(max, dict);
    if (m.size() <= max * 2) {
      assertThat(top).isSameAs(v);
      return;
    }
    List<Map.Entry<String, Float>> all = new ArrayList<>(m.entrySet());
    all.sort(
        Map.Entry.<String, Float>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Float> expected = new HashMap<>();
    for (Map.Entry<String, Float> e : all.subList(0, max)) expected.put(e.getKey(), e.getValue());
    assertThat(top.toMap(dict)).isEqualTo(expected);
    assertThat(top.ids).isSorted();
  }

  /** The heaviest terms by TF-IDF come out heaviest first, ties by key, as a full sort gives. */
  @Property(tries = 200)
  void topTermsAreThoseOfAFullSort(
      @ForAll @Size(max = 200)
          Map<@StringLength(min = 1, max = 2) String, @IntRange(min = 1, max = 6) Integer> a,
      @ForAll @Size(max = 60)
          Map<@StringLength(min = 1, max = 2) String, @IntRange(min = 1, max = 3) Integer> df,
      @ForAll @IntRange(min = 0, max = 40) int k) {
    TermStats stats = stats(df);
    Profile p = withTerms(a);
    Map<String, Float> m = p.terms();
    List<Map.Entry<String, Float>> all = new ArrayList<>(m.entrySet());
    all.sort(
        (x, y) -> {
          int c =
              Double.compare(
                  y.getValue() * stats.idf(y.getKey()), x.getValue() * stats.idf(x.getKey()));
          return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
    List<String> expected =
        all.subList(0, Math.min(k, all.size())).stream().map(Map.Entry::getKey).toList();
    assertThat(p.topTerms(k, stats)).isEqualTo(expected);
  }
}
