package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class TermCountsTest {
  /** Adding keys one by one (with repeats) counts as a HashMap does, through every growth. */
  @Property(tries = 200)
  void countsAsAHashMapDoes(
      @ForAll @Size(max = 3000) List<@StringLength(max = 4) String> adds,
      @ForAll @Size(max = 50) List<@StringLength(max = 4) String> probes) {
    TermCounts c = new TermCounts(0);
    Map<String, Integer> m = new HashMap<>();
    for (String k : adds) {
      // A new String each time: equal keys need not be the same instance.
      c.add(new String(k), 1);
      m.merge(k, 1, Integer::sum);
    }
    assertThat(c.size()).isEqualTo(m.size());
    assertThat(c.toMap()).isEqualTo(m);
    for (String k : probes) assertThat(c.get(k)).isEqualTo(m.getOrDefault(k, 0));
    for (String k : m.keySet()) assertThat(c.get(k)).isEqualTo(m.get(k));
  }

  @Property(tries = 200)
  void startsFromAMapOfCounts(
      @ForAll @Size(max = 500)
          Map<@StringLength(max = 6) String, @IntRange(min = 1, max = 1 << 30) Integer> m) {
    assertThat(TermCounts.of(m).toMap()).isEqualTo(m);
  }

  /** Pruning keeps the heaviest entries (ties by key) in the order a full sort gives. */
  @Property(tries = 300)
  void pruneKeepsWhatAFullSortKeeps(
      @ForAll @Size(max = 400)
          Map<@StringLength(max = 3) String, @IntRange(min = 0, max = 20) Integer> weights,
      @ForAll @IntRange(min = 1, max = 150) int max) {
    // Few distinct weights: ties at the cut are the rule, as in real profiles.
    Map<String, Float> m = new HashMap<>();
    weights.forEach((k, v) -> m.put(k, v / 8f));
    Map<String, Float> pruned = Profile.pruneMap(m, max);
    if (m.size() <= max * 2) {
      assertThat(pruned).isSameAs(m);
      return;
    }
    List<Map.Entry<String, Float>> all = new ArrayList<>(m.entrySet());
    all.sort(
        Map.Entry.<String, Float>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Float> expected = new HashMap<>();
    for (Map.Entry<String, Float> e : all.subList(0, max)) expected.put(e.getKey(), e.getValue());
    assertThat(pruned).isEqualTo(expected);
    // Same iteration order too: later sums over the map run in it.
    assertThat(new ArrayList<>(pruned.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
    assertThat(new LinkedHashMap<>(pruned)).containsExactlyEntriesOf(new LinkedHashMap<>(expected));
  }
}
