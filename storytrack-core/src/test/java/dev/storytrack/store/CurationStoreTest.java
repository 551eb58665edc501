package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.Pipeline;
import dev.storytrack.link.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge, split and delete decisions: stored, replayed on open, and respected by later articles. */
class CurationStoreTest {
  @TempDir Path dir;

  /** Fed rates (the oldest story), the two seed versions, Brexit, North Korea. */
  static List<Article> base() {
    List<Article> others = Fixtures.otherTopics();
    List<Article> seeds = Fixtures.seeds();
    return List.of(
        StoreFixtures.dated(byId(others, "fed_rates"), "markets-wire", 0),
        StoreFixtures.dated(seeds.get(0), "seed-site-0", 2),
        StoreFixtures.dated(seeds.get(1), "seed-site-1", 3),
        StoreFixtures.dated(byId(others, "brexit_vote"), "uk-daily", 4),
        StoreFixtures.dated(byId(others, "north_korea_missile"), "asia-desk", 5));
  }

  /** A later rewrite of the seed story (another outlet's copy of the same events). */
  static Article rewrite() {
    return StoreFixtures.dated(byId(Fixtures.skeleton(), "baghouz-rewrite"), "rewrite-site", 9);
  }

  static Article byId(List<Article> all, String id) {
    return all.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  static String seed(int i) {
    return Fixtures.seeds().get(i).id();
  }

  /** Every story's articles, by story id. */
  static Map<String, List<String>> stories(StoryStore s) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (StorySummary st : s.stories(new StoryQuery(null, null, "", 0, 1000)).stories()) {
      out.put(
          st.id(), s.story(st.id()).orElseThrow().articles().stream().map(ArticleRef::id).toList());
    }
    return out;
  }

  @Test
  void aMergeIsStoredSummarizedAndLaterArticlesJoinTheMergedStory() throws IOException {
    String probeStory;
    try (StoryStore control = StoryStore.open(dir.resolve("control"))) {
      IngestResult r = control.ingest(base());
      assertThat(r.stories().get(seed(1))).isEqualTo(r.stories().get(seed(0)));
      probeStory = control.ingest(List.of(rewrite())).stories().get("baghouz-rewrite");
      // without the merge the rewrite joins the seed story, not the older fed story
      assertThat(probeStory)
          .isEqualTo(r.stories().get(seed(0)))
          .isNotEqualTo(r.stories().get("fed_rates"));
    }
    Path store = dir.resolve("curated");
    String fed;
    String seeds;
    try (StoryStore s = StoryStore.open(store)) {
      IngestResult r = s.ingest(base());
      fed = r.stories().get("fed_rates");
      seeds = r.stories().get(seed(0));
      long storiesBefore = s.counts()[1];
      CurationDecision d = s.merge(seeds, fed, "alice", "one desk covers both");
      assertThat(d.kind()).isEqualTo(CurationDecision.Kind.MERGE);
      // the older story's id survives
      assertThat(d.result()).isEqualTo(fed);
      assertThat(d.stories()).containsExactly(seeds, fed);
      assertThat(s.story(seeds)).isEmpty();
      StoryDetail merged = s.story(fed).orElseThrow();
      assertThat(merged.articles())
          .extracting(ArticleRef::id)
          .containsExactly("fed_rates", seed(0), seed(1));
      assertThat(merged.story().size()).isEqualTo(3);
      assertThat(merged.story().sources())
          .containsOnlyKeys("markets-wire", "seed-site-0", "seed-site-1");
      assertThat(merged.story().firstSeen()).isEqualTo(base().get(0).published());
      assertThat(merged.story().lastSeen()).isEqualTo(base().get(2).published());
      assertThat(s.article(seed(1)).orElseThrow().story()).isEqualTo(fed);
      assertThat(s.counts()).containsExactly(5, storiesBefore - 1);
    }
    try (StoryStore s = StoryStore.open(store)) {
      assertThat(s.story(fed).orElseThrow().story().size()).isEqualTo(3);
      assertThat(s.story(seeds)).isEmpty();
      assertThat(s.curationLog())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.number()).isEqualTo(1);
                assertThat(c.by()).isEqualTo("alice");
                assertThat(c.note()).isEqualTo("one desk covers both");
                assertThat(c.time()).isNotNull();
              });
      // the article that would have joined the seed story joins the merged one, after a restart
      assertThat(s.ingest(List.of(rewrite())).stories().get("baghouz-rewrite")).isEqualTo(fed);
      assertThat(s.story(fed).orElseThrow().story().size()).isEqualTo(4);
    }
  }

  @Test
  void aStoryMergedFromManyStillTakesWhatWouldHaveJoinedOneOfThem() throws IOException {
    List<Article> base = new ArrayList<>();
    int h = 0;
    for (Article a : Fixtures.otherTopics()) base.add(StoreFixtures.dated(a, "other-" + h, h++));
    for (Article a : Fixtures.skeleton()) {
      if (!a.id().equals("baghouz-rewrite")) base.add(StoreFixtures.dated(a, "event-" + h, h++));
    }
    for (Article a : Fixtures.seeds()) base.add(StoreFixtures.dated(a, "seed-" + h, h++));
    String probeStory;
    try (StoryStore control = StoryStore.open(dir.resolve("control"))) {
      control.ingest(base);
      probeStory = control.ingest(List.of(rewrite())).stories().get("baghouz-rewrite");
      assertThat(probeStory).isEqualTo(control.article(seed(0)).orElseThrow().story());
    }
    try (StoryStore s = StoryStore.open(dir.resolve("merged"))) {
      s.ingest(base);
      String seeds = s.article(seed(0)).orElseThrow().story();
      // every other event merged into the oldest story, then the seed story into that
      String merged = s.article(base.get(0).id()).orElseThrow().story();
      for (Article a : base) {
        String st = s.article(a.id()).orElseThrow().story();
        if (!st.equals(merged) && !st.equals(seeds)) merged = s.merge(merged, st, "", "").result();
      }
      merged = s.merge(merged, seeds, "", "").result();
      assertThat(s.counts()[1]).isEqualTo(1);
      assertThat(s.story(merged).orElseThrow().story().size()).isEqualTo(base.size());
      assertThat(s.ingest(List.of(rewrite())).stories().get("baghouz-rewrite")).isEqualTo(merged);
    }
  }

  @Test
  void splitArticlesKeepTheirOwnStoryThroughReopenLaterArticlesAndTheMergeStep()
      throws IOException {
    // merging after every article: the step that would join the two halves again at once
    Pipeline eager =
        Pipeline.defaults()
            .withOptions(new ClusterOptions(Double.NaN, null, 0, 1, true, 12, 20, 30));
    Path store = dir.resolve("split");
    String old;
    String split;
    try (StoryStore s = StoryStore.open(store, eager)) {
      old = s.ingest(base()).stories().get(seed(0));
      CurationDecision d = s.split(old, List.of(seed(1)), "bob", null);
      split = d.result();
      assertThat(split).isNotNull().isNotEqualTo(old);
      assertThat(s.article(seed(1)).orElseThrow().story()).isEqualTo(split);
      StoryDetail left = s.story(old).orElseThrow();
      assertThat(left.articles()).extracting(ArticleRef::id).containsExactly(seed(0));
      assertThat(left.story().sources()).containsOnlyKeys("seed-site-0");
      assertThat(left.story().lastSeen()).isEqualTo(base().get(1).published());
      StoryDetail own = s.story(split).orElseThrow();
      assertThat(own.articles()).extracting(ArticleRef::id).containsExactly(seed(1));
      assertThat(own.story().title()).isEqualTo(Fixtures.seeds().get(1).title());
      assertThat(own.story().topic()).isNotNull();
    }
    try (StoryStore s = StoryStore.open(store, eager)) {
      assertThat(s.article(seed(0)).orElseThrow().story()).isEqualTo(old);
      assertThat(s.article(seed(1)).orElseThrow().story()).isEqualTo(split);
      // a later article on the same events joins one of the two; the merge step runs after it
      String joined = s.ingest(List.of(rewrite())).stories().get("baghouz-rewrite");
      assertThat(joined).isIn(old, split);
      assertThat(s.article(seed(0)).orElseThrow().story()).isEqualTo(old);
      assertThat(s.article(seed(1)).orElseThrow().story()).isEqualTo(split);
    }
    try (StoryStore s = StoryStore.open(store, eager)) {
      assertThat(s.article(seed(1)).orElseThrow().story())
          .isNotEqualTo(s.article(seed(0)).orElseThrow().story());
      assertThat(s.curationLog())
          .extracting(CurationDecision::kind)
          .containsExactly(CurationDecision.Kind.SPLIT);
    }
  }

  @Test
  void aDeletedArticleStaysDeletedUntilRestoredOnPurpose() throws IOException {
    Path store = dir.resolve("deleted");
    Map<String, List<String>> before;
    try (StoryStore s = StoryStore.open(store)) {
      String seeds = s.ingest(base()).stories().get(seed(0));
      // the fed article is alone in the first story: deleting it deletes the story
      String fed = s.article("fed_rates").orElseThrow().story();
      CurationDecision d =
          s.delete(List.of(seed(1), "fed_rates"), "carol", "syndicated copy; off-topic");
      assertThat(d.result()).isNull();
      assertThat(d.stories()).containsExactlyInAnyOrder(seeds, fed);
      assertThat(s.article(seed(1))).isEmpty();
      assertThat(s.isDeleted(seed(1))).isTrue();
      assertThat(s.story(fed)).isEmpty();
      assertThat(s.story(seeds).orElseThrow().articles())
          .extracting(ArticleRef::id)
          .containsExactly(seed(0));
      assertThat(s.story(seeds).orElseThrow().story().sources()).containsOnlyKeys("seed-site-0");
      assertThat(s.counts()).containsExactly(3, 3);
      assertThat(s.search("Federal Reserve", 0, 10)).isEmpty();

      IngestResult again = s.ingest(base());
      assertThat(again.deleted()).containsExactlyInAnyOrder(seed(1), "fed_rates");
      assertThat(again.added()).isZero();
      assertThat(again.unchanged()).isEqualTo(3);
      assertThat(s.article(seed(1))).isEmpty();
      before = stories(s);
    }
    try (StoryStore s = StoryStore.open(store)) {
      // the replay gives every story the id and the articles it had
      assertThat(stories(s)).isEqualTo(before);
      assertThat(s.ingest(base()).deleted()).containsExactlyInAnyOrder(seed(1), "fed_rates");
      assertThat(s.counts()[0]).isEqualTo(3);

      IngestResult restored = s.ingest(List.of(base().get(2)), true);
      assertThat(restored.added()).isEqualTo(1);
      assertThat(restored.deleted()).isEmpty();
      assertThat(s.article(seed(1))).isPresent();
      assertThat(s.isDeleted(seed(1))).isFalse();
      assertThat(s.curationLog())
          .extracting(CurationDecision::kind)
          .containsExactly(CurationDecision.Kind.DELETE, CurationDecision.Kind.RESTORE);
    }
    try (StoryStore s = StoryStore.open(store)) {
      assertThat(s.article(seed(1))).isPresent();
      assertThat(s.article("fed_rates")).isEmpty();
      assertThat(s.counts()[0]).isEqualTo(4);
    }
  }

  @Test
  void deletingTheFirstOfDuplicatesRenamesTheirGroup() throws IOException {
    Article a = base().get(1);
    List<Article> copies =
        List.of(
            a,
            new Article(
                "copy-1", "mirror-1", "", a.title(), a.published().plusSeconds(60), a.text(), null),
            new Article(
                "copy-2",
                "mirror-2",
                "",
                a.title(),
                a.published().plusSeconds(120),
                a.text(),
                null));
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(copies);
      assertThat(s.article("copy-2").orElseThrow().duplicateGroup()).isEqualTo(a.id());
      s.delete(List.of(a.id()), "", "");
      assertThat(s.article("copy-1").orElseThrow().duplicateGroup()).isEqualTo("copy-1");
      assertThat(s.article("copy-2").orElseThrow().duplicateGroup()).isEqualTo("copy-1");
      s.delete(List.of("copy-1"), "", "");
      assertThat(s.article("copy-2").orElseThrow().duplicateGroup()).isEmpty();
    }
    try (StoryStore s = StoryStore.open(dir)) {
      assertThat(s.article("copy-2").orElseThrow().duplicateGroup()).isEmpty();
    }
  }

  @Test
  void aRefusedDecisionChangesNothing() throws IOException {
    try (StoryStore s = StoryStore.open(dir)) {
      IngestResult r = s.ingest(base());
      String seeds = r.stories().get(seed(0));
      String fed = r.stories().get("fed_rates");
      Map<String, List<String>> before = stories(s);
      assertThatThrownBy(() -> s.merge(seeds, "s999", "", ""))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no story s999");
      assertThatThrownBy(() -> s.merge(seeds, seeds, "", ""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.split(seeds, List.of("fed_rates"), "", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("article fed_rates is in story " + fed + ", not " + seeds);
      assertThatThrownBy(() -> s.split(seeds, List.of(seed(0), seed(1)), "", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nothing would be left");
      assertThatThrownBy(() -> s.delete(List.of(seed(1), "nope"), "", ""))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no article nope");
      assertThat(stories(s)).isEqualTo(before);
      assertThat(s.article(seed(1))).isPresent();
      assertThat(s.curationLog()).isEmpty();
    }
  }

  @Test
  void aDecisionThatCannotBeWrittenLosesNothingAndTheStoreGoesOn() throws IOException {
    AtomicBoolean full = new AtomicBoolean();
    Map<String, List<String>> before;
    try (StoryStore s = StoryStore.open(dir, d -> new StoreFaultsTest.FullDisk(d, full))) {
      String seeds = s.ingest(base()).stories().get(seed(0));
      before = stories(s);
      full.set(true);
      assertThatThrownBy(() -> s.delete(List.of(seed(1)), "", ""))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("nothing of this delete stored");
      full.set(false);
      assertThat(stories(s)).isEqualTo(before);
      assertThat(s.article(seed(1))).isPresent();
      assertThat(s.curationLog()).isEmpty();
      // memory went back too: the same decision now succeeds
      s.split(seeds, List.of(seed(1)), "", "");
      assertThat(s.curationLog()).hasSize(1);
    }
    try (StoryStore s = StoryStore.open(dir)) {
      assertThat(s.counts()[0]).isEqualTo(5);
      assertThat(s.article(seed(1)).orElseThrow().story())
          .isNotEqualTo(s.article(seed(0)).orElseThrow().story());
    }
  }
}
