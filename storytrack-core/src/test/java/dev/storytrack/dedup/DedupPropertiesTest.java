package dev.storytrack.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.text.Shingles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the index. Tolerance: with 128 components of 8 bits the estimate's standard
 * deviation is at most sqrt(0.25/128) ≈ 0.044 (times 1.004 for the chance-collision correction);
 * 0.2 is more than 4.5 standard deviations, so a failure means a bug, not bad luck.
 */
class DedupPropertiesTest {
  static final double TOLERANCE = 0.2;

  @Provide
  Arbitrary<List<String>> texts() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(8)
        .list()
        .ofMinSize(1)
        .ofMaxSize(400);
  }

  @Property(tries = 100)
  void identicalDocumentsAreAlwaysGrouped(@ForAll("texts") List<String> words) {
    NearDuplicateIndex idx = new NearDuplicateIndex(DedupConfig.defaults());
    String text = String.join(" ", words);
    idx.add(idx.sign("unrelated filler text that shares nothing at all with the other one"));
    int a = idx.add(idx.sign(text)).ordinal();
    int b = idx.add(idx.sign(text)).ordinal();
    assertThat(idx.group(b)).isEqualTo(idx.group(a));
  }

  @Property(tries = 100)
  void disjointVocabulariesAreNeverGrouped(
      @ForAll("texts") List<String> left, @ForAll("texts") List<String> right) {
    NearDuplicateIndex idx = new NearDuplicateIndex(DedupConfig.defaults());
    // Prefixes make the vocabularies disjoint whatever the generator drew.
    int a = idx.add(idx.sign(String.join(" ", left.stream().map(w -> "l" + w).toList()))).ordinal();
    int b =
        idx.add(idx.sign(String.join(" ", right.stream().map(w -> "r" + w).toList()))).ordinal();
    assertThat(idx.group(b)).isNotEqualTo(idx.group(a));
  }

  @Property(tries = 200)
  void estimatedSimilarityIsCloseToExactJaccard(
      @ForAll @IntRange(min = 20, max = 400) int shared,
      @ForAll @IntRange(min = 0, max = 300) int onlyA,
      @ForAll @IntRange(min = 0, max = 300) int onlyB,
      @ForAll @IntRange(min = 1, max = 1000) int seed) {
    // Distinct words, so each 1-word shingle set is exactly the word set.
    DedupConfig config = DedupConfig.defaults().withShingleSize(1);
    NearDuplicateIndex idx = new NearDuplicateIndex(config);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < shared; i++) {
      a.append(" s").append(seed).append('x').append(i);
      b.append(" s").append(seed).append('x').append(i);
    }
    for (int i = 0; i < onlyA; i++) a.append(" a").append(seed).append('x').append(i);
    for (int i = 0; i < onlyB; i++) b.append(" b").append(seed).append('x').append(i);
    Shingles one = new Shingles(1);
    Set<String> sa = one.shingleStrings(a);
    Set<String> sb = one.shingleStrings(b);
    Set<String> inter = new HashSet<>(sa);
    inter.retainAll(sb);
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    double jaccard = (double) inter.size() / union.size();
    int x = idx.add(idx.sign(a)).ordinal();
    int y = idx.add(idx.sign(b)).ordinal();
    assertThat(idx.similarity(x, y))
        .isCloseTo(jaccard, org.assertj.core.data.Offset.offset(TOLERANCE));
  }
}
