package dev.storytrack.eval.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planted corpus generator's own guarantees. */
class PlantedCorpusTest {
  private static String words(String prefix, int from, int to) {
    List<String> w = new ArrayList<>();
    for (int i = from; i < to; i++) w.add(prefix + i);
    return String.join(" ", w);
  }

  @Test
  void originalsThatAreNearDuplicatesOfEarlierOnesAreDropped() {
    String a = words("w", 0, 200);
    String aEdited = a.replace("w100 ", "changed ");
    String halfOfA = words("w", 0, 100) + " " + words("x", 0, 100); // Jaccard about 0.32 with a
    String other = words("y", 0, 200);
    assertThat(PlantedCorpus.distinct(List.of(a, aEdited, halfOfA, other), 0.5))
        .containsExactly(a, halfOfA, other);
    assertThat(PlantedCorpus.distinct(List.of(a, halfOfA), 0.3)).containsExactly(a);
  }
}
