package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TermStatsTest {
  /**
   * Norm epochs: 256 documents each up to 16,384 (so small corpora, such as the labelled sets the
   * model is learned and measured on, are scored exactly as before), then about 1/64 of the corpus.
   */
  @Property(tries = 2000)
  void normEpochsAreFixedThenProportional(@ForAll @IntRange(min = 0, max = 50_000_000) int docs) {
    long e = TermStats.epoch(docs);
    assertThat(TermStats.epoch(docs + 1)).isBetween(e, e + 1);
    if (docs < 16_384) {
      assertThat(e).isEqualTo(docs >> 8);
    } else {
      // the first document of the next epoch is 1/80 to 1/50 of the corpus further on
      int lo = docs;
      int step = Math.max(1, docs / 200);
      int next = docs;
      while (TermStats.epoch(next) == e) next += step;
      assertThat(next - lo).isLessThanOrEqualTo(docs / 50 + step);
      int prev = docs;
      while (prev > 0 && TermStats.epoch(prev) == e) prev -= step;
      assertThat(next - prev).isGreaterThanOrEqualTo(docs / 80);
    }
  }

  /**
   * Keys a profile brings when it is absorbed without being counted (a story profiled again after a
   * curation) get ids but no documents: copies, combinations and the JSON table hold the counted
   * keys only, and the new ones read as unseen.
   */
  @org.junit.jupiter.api.Test
  void keysBoundButNeverCountedHaveNoDocuments() {
    Profiler profiler = new Profiler();
    TermStats s = TermStats.empty();
    Profile counted =
        profiler.profile(
            dev.storytrack.article.Article.ofText("a", "Bridge", "The bridge closed."));
    s.add(counted);
    Profile story = counted.copy();
    story.absorb(
        profiler.profile(
            dev.storytrack.article.Article.ofText(
                "b",
                "Harbour",
                // More new words than the counts' arrays first hold.
                "Zanzibar ferries resumed "
                    + java.util.stream.IntStream.range(0, 60)
                        .mapToObj(i -> "word" + (char) ('a' + i % 26) + (char) ('a' + i / 26))
                        .collect(java.util.stream.Collectors.joining(" ")))),
        s);
    assertThat(story.terms()).containsKey("zanzibar");
    for (TermStats t :
        java.util.List.of(s, s.freeze(), TermStats.combine(java.util.List.of(s, s)))) {
      assertThat(t.df("zanzibar")).isZero();
      assertThat(t.df("bridg")).isEqualTo(t.docs());
    }
    assertThat(s.toJson(1, "t").get("df").has("zanzibar")).isFalse();
  }
}
