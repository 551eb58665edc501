package dev.storytrack.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  private static List<Article> corpus() {
    Random r = new Random(5);
    List<Article> out = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      int base = i % 500; // three copies of 500 texts, the later ones lightly edited
      String text = NearDuplicateIndexTest.randomText(new Random(base), 400);
      if (i >= 500) text = NearDuplicateIndexTest.edit(text, 200, r);
      Instant t = i % 7 == 0 ? null : Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1_000_000));
      out.add(new Article("d" + i, "", "", "", t, text, null));
    }
    out.add(Article.ofText("bad", "", "this one fails to clean"));
    return out;
  }

  private static DedupResult run(List<Article> docs, int threads) {
    try (Deduplicator d =
        new Deduplicator(
            DedupConfig.defaults(),
            a -> {
              if (a.id().equals("bad")) throw new IllegalArgumentException("broken markup");
              return a.text();
            },
            threads)) {
      docs.forEach(d::accept);
      return d.finish();
    }
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    List<Article> docs = corpus();
    DedupResult one = run(docs, 1);
    DedupResult three = run(docs, 3);
    assertThat(three.groups()).isEqualTo(one.groups());
    assertThat(three.dropped()).isEqualTo(one.dropped());
  }

  @Test
  void keepsTheEarliestPublishedAndSkipsRecordsThatFailToClean() {
    List<Article> docs = corpus();
    DedupResult r = run(docs, 2);
    assertThat(r.documents()).isEqualTo(1501);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.problems()).containsExactly("bad: cleaning failed: broken markup");
    assertThat(r.keep(1500)).isFalse();
    assertThat(r.groups()).hasSize(500);
    for (DuplicateGroup g : r.groups()) {
      Article rep = docs.get((int) g.representativeOrdinal());
      List<Article> all = new ArrayList<>();
      all.add(rep);
      g.members().forEach(m -> all.add(docs.get((int) m.ordinal())));
      Instant earliest =
          all.stream()
              .map(Article::published)
              .filter(t -> t != null)
              .min(Instant::compareTo)
              .orElse(null);
      if (earliest == null) {
        g.members().forEach(m -> assertThat(m.ordinal()).isGreaterThan(g.representativeOrdinal()));
      } else {
        assertThat(rep.published()).isEqualTo(earliest);
      }
      assertThat(r.keep(g.representativeOrdinal())).isTrue();
      g.members().forEach(m -> assertThat(r.keep(m.ordinal())).isFalse());
    }
  }
}
