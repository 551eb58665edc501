package dev.storytrack.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {
  static String randomText(Random r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) sb.append("w").append(r.nextInt(1_000_000)).append(' ');
    return sb.toString();
  }

  /** Replaces every {@code every}-th word, which changes about 5/every of the 5-shingles. */
  static String edit(String text, int every, Random r) {
    String[] w = text.split(" ");
    for (int i = every / 2; i < w.length; i += every) w[i] = "x" + r.nextInt(1_000_000);
    return String.join(" ", w);
  }

  @Test
  void findsExactAndNearDuplicatesAndNotUnrelatedDocuments() {
    Random r = new Random(7);
    NearDuplicateIndex idx = new NearDuplicateIndex(DedupConfig.defaults());
    String a = randomText(r, 600);
    String b = randomText(r, 600);
    assertThat(idx.add(idx.sign(a)).duplicateOf()).isNull();
    assertThat(idx.add(idx.sign(b)).duplicateOf()).isNull();
    NearDuplicateIndex.Added exact = idx.add(idx.sign(a.toUpperCase() + " !"));
    assertThat(exact.duplicateOf()).isEqualTo(new Match(0, 1.0, true));
    NearDuplicateIndex.Added near = idx.add(idx.sign(edit(a, 100, r))); // ~5% words changed
    assertThat(near.duplicateOf()).isNotNull();
    assertThat(near.duplicateOf().ordinal()).isZero();
    assertThat(near.duplicateOf().similarity()).isBetween(0.75, 1.0);
    NearDuplicateIndex.Added far = idx.add(idx.sign(edit(b, 4, r))); // most shingles changed
    assertThat(far.duplicateOf()).isNull();
    assertThat(idx.group(2)).isZero();
    assertThat(idx.group(3)).isZero();
    assertThat(idx.group(4)).isEqualTo(4);
    assertThat(idx.nearDuplicates(3)).extracting(Match::ordinal).contains(0);
    assertThat(idx.query(idx.sign(randomText(r, 600)))).isEmpty();
  }

  @Test
  void emptyDocumentsAreNeverDuplicates() {
    NearDuplicateIndex idx = new NearDuplicateIndex(DedupConfig.defaults());
    idx.add(idx.sign(""));
    assertThat(idx.add(idx.sign("  ...  ")).duplicateOf()).isNull();
    assertThat(idx.group(1)).isEqualTo(1);
  }

  @Test
  void indexMemoryStaysUnder400BytesPerDocument() {
    Random r = new Random(3);
    NearDuplicateIndex idx = new NearDuplicateIndex(DedupConfig.defaults());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) texts.add(randomText(r, 300));
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      // Cheap distinct documents: a shared body with a distinct prefix would be near-duplicates,
      // so vary the body by rotating words.
      String t = texts.get(i % texts.size());
      int cut = (i / texts.size()) * 7 % 290;
      idx.add(idx.sign(i + " " + t.substring(t.indexOf(' ', cut) + 1)));
    }
    assertThat((double) idx.memoryBytes() / n).isLessThan(400);
  }
}
