package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryStoreTest {
  @TempDir Path dir;

  @Test
  void seedVersionsShareAStoryOtherTopicsDoNot() throws IOException {
    List<Article> all = StoreFixtures.articles();
    try (StoryStore s = StoryStore.open(dir)) {
      IngestResult r = s.ingest(all);
      assertThat(r.added()).isEqualTo(all.size());
      String seedStory = r.stories().get(all.get(0).id());
      assertThat(r.stories().get(all.get(1).id())).isEqualTo(seedStory);
      for (Article o : all.subList(2, all.size()))
        assertThat(r.stories().get(o.id())).isNotEqualTo(seedStory);

      StoryDetail d = s.story(seedStory).orElseThrow();
      assertThat(d.story().size()).isEqualTo(2);
      assertThat(d.earliest()).isEqualTo(all.get(0).id());
      assertThat(d.articles())
          .extracting(ArticleRef::id)
          .containsExactly(all.get(0).id(), all.get(1).id());
      assertThat(d.story().sources()).containsOnlyKeys("seed-site-0", "seed-site-1");
      assertThat(d.story().firstSeen()).isEqualTo(all.get(0).published());
      assertThat(d.timeline()).extracting(TimelinePoint::articles).containsOnly(1);

      StoredArticle a = s.article(all.get(1).id()).orElseThrow();
      assertThat(a.article()).isEqualTo(all.get(1));
      assertThat(a.story()).isEqualTo(seedStory);
      assertThat(a.cleanedText()).isNotBlank().isNotEqualTo(all.get(1).text());
      assertThat(a.duplicateGroup()).isEmpty();
      assertThat(s.counts()).containsExactly(all.size(), all.size() - 1);
    }
  }

  @Test
  void theSeedStorysSummarySortsItsNamesByKind() throws IOException {
    List<Article> all = StoreFixtures.articles();
    try (StoryStore s = StoryStore.open(dir)) {
      String seedStory = s.ingest(all).stories().get(all.get(0).id());
      StoryBrief b = StoryBrief.of(s.story(seedStory).orElseThrow(), s.storyArticles(seedStory));
      assertThat(String.join("|", b.people())).contains("Bali").doesNotContain("Observatory");
      // "BEIRUT:" opens the text as an agency dateline.
      assertThat(b.places()).anyMatch(p -> p.equalsIgnoreCase("Beirut"));
      assertThat(b.otherNames()).noneMatch(n -> n.startsWith("US-") || n.equals("BEIRUT"));
    }
  }

  @Test
  void onOneDayAKnownTimeIsEarlierThanADateOnlyMidnight() throws IOException {
    List<Article> seeds = StoreFixtures.articles().subList(0, 2);
    Instant day = Instant.parse("2019-03-26T00:00:00Z");
    Article dateOnly =
        new Article(
            seeds.get(0).id(),
            "seed-site-0",
            seeds.get(0).url(),
            seeds.get(0).title(),
            day,
            seeds.get(0).text(),
            null,
            true,
            "");
    Article timed =
        new Article(
            seeds.get(1).id(),
            "seed-site-1",
            seeds.get(1).url(),
            seeds.get(1).title(),
            day.plusSeconds(10 * 3600),
            seeds.get(1).text(),
            null,
            false,
            "");
    String story;
    try (StoryStore s = StoryStore.open(dir)) {
      IngestResult r = s.ingest(List.of(dateOnly, timed));
      story = r.stories().get(dateOnly.id());
      assertThat(r.stories().get(timed.id())).isEqualTo(story);
      StoryDetail d = s.story(story).orElseThrow();
      assertThat(d.earliest()).isEqualTo(timed.id());
      assertThat(d.articles())
          .extracting(ArticleRef::id)
          .containsExactly(timed.id(), dateOnly.id());
    }
    try (StoryStore s = StoryStore.open(dir)) {
      StoryDetail d = s.story(story).orElseThrow();
      assertThat(d.earliest()).isEqualTo(timed.id());
      assertThat(d.articles()).extracting(ArticleRef::dateOnly).containsExactly(false, true);
    }
  }

  @Test
  void sameIdAgainNeverDuplicatesAndNewContentUpdates() throws IOException {
    List<Article> all = StoreFixtures.articles();
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(all);
      IngestResult again = s.ingest(all);
      assertThat(again.added()).isZero();
      assertThat(again.unchanged()).isEqualTo(all.size());
      Article first = all.get(0);
      IngestResult edited = s.ingest(List.of(first.withTitle("Corrected headline zanzibarian")));
      assertThat(edited.updated()).isEqualTo(1);
      assertThat(s.counts()[0]).isEqualTo(all.size());
      assertThat(s.search("zanzibarian", 0, 10))
          .extracting(h -> h.article().id())
          .containsExactly(first.id());
      assertThat(s.story(edited.stories().get(first.id())).orElseThrow().story().title())
          .isEqualTo("Corrected headline zanzibarian");
    }
  }

  @Test
  void reopeningRebuildsTheClustererAsIfItHadNeverStopped() throws IOException {
    List<Article> all = StoreFixtures.articles();
    // the second seed version arrives after a restart: it must still join the first one's story
    List<Article> before = List.of(all.get(0), all.get(2), all.get(3));
    List<Article> after = List.of(all.get(1), all.get(4), all.get(5));
    Path other = dir.resolve("uninterrupted");
    IngestResult continuous;
    try (StoryStore s = StoryStore.open(other)) {
      s.ingest(before);
      continuous = s.ingest(after);
    }
    try (StoryStore s = StoryStore.open(dir.resolve("restarted"))) {
      s.ingest(before);
    }
    try (StoryStore s = StoryStore.open(dir.resolve("restarted"))) {
      IngestResult resumed = s.ingest(after);
      assertThat(resumed.stories()).isEqualTo(continuous.stories());
      assertThat(resumed.stories().get(all.get(1).id()))
          .isEqualTo(s.article(all.get(0).id()).orElseThrow().story());
    }
  }

  @Test
  void listsSearchesAndFiltersByTime() throws IOException {
    List<Article> all = StoreFixtures.articles();
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(all);
      StoryPage page = s.stories(StoryQuery.all());
      assertThat(page.total()).isEqualTo(all.size() - 1);
      // most recently active first
      assertThat(page.stories())
          .isSortedAccordingTo((x, y) -> y.lastSeen().compareTo(x.lastSeen()));
      StoryPage second = s.stories(new StoryQuery(null, null, "", 1, 2));
      assertThat(second.stories()).containsExactlyElementsOf(page.stories().subList(1, 3));

      Instant cut = all.get(3).published();
      StoryPage recent = s.stories(new StoryQuery(cut, null, "", 0, 100));
      assertThat(recent.stories()).allSatisfy(x -> assertThat(x.lastSeen()).isAfterOrEqualTo(cut));
      assertThat(recent.total()).isEqualTo(all.size() - 3);

      String word = all.get(2).title().split("\\s+")[0];
      List<SearchHit> hits = s.search(all.get(2).title(), 0, 5);
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).article().id()).isEqualTo(all.get(2).id());
      assertThat(hits.get(0).snippet()).isNotBlank();
      StoryPage byQuery = s.stories(new StoryQuery(null, null, all.get(2).title(), 0, 10));
      assertThat(byQuery.stories().get(0).id()).isEqualTo(hits.get(0).story());
      assertThat(word).isNotBlank();
      assertThat(s.search("   ", 0, 5)).isEmpty();
    }
  }

  @Test
  void readOnlyOpenersSeeCommitsAndCannotWrite() throws IOException {
    assertThatThrownBy(() -> StoryStore.openReadOnly(dir.resolve("none")))
        .hasMessageContaining("no store at");
    try (StoryStore w = StoryStore.open(dir);
        StoryStore r = StoryStore.openReadOnly(dir)) {
      assertThat(r.counts()[0]).isZero();
      w.ingest(StoreFixtures.articles().subList(0, 2));
      assertThat(r.counts()[0]).isEqualTo(2);
      assertThatThrownBy(() -> r.ingest(List.of())).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> StoryStore.open(dir))
          .hasMessageContaining("in use by another process");
    }
  }

  @Test
  void emptyArticlesAreSkippedAndCounted() throws IOException {
    try (StoryStore s = StoryStore.open(dir)) {
      IngestResult r = s.ingest(List.of(Article.ofText("blank", "", "   ")));
      assertThat(r.empty()).isEqualTo(1);
      assertThat(s.counts()[0]).isZero();
    }
  }

  @Test
  void restartsBetweenBatchesChangeNothing() throws IOException {
    List<Article> all = IngestChild.synthetic(1200);
    java.util.Map<String, String> continuous = new java.util.HashMap<>();
    StoryPage continuousStories;
    try (StoryStore s = StoryStore.open(dir.resolve("continuous"))) {
      for (int i = 0; i < all.size(); i += 150) s.ingest(all.subList(i, i + 150));
      for (Article a : all) continuous.put(a.id(), s.article(a.id()).orElseThrow().story());
      continuousStories = s.stories(StoryQuery.all());
    }
    for (int i = 0; i < all.size(); i += 150) {
      try (StoryStore s = StoryStore.open(dir.resolve("restarted"))) {
        s.ingest(all.subList(i, i + 150));
      }
    }
    try (StoryStore s = StoryStore.open(dir.resolve("restarted"))) {
      for (Article a : all)
        assertThat(s.article(a.id()).orElseThrow().story())
            .as(a.id())
            .isEqualTo(continuous.get(a.id()));
      assertThat(s.stories(StoryQuery.all())).isEqualTo(continuousStories);
      assertThat(continuousStories.stories().stream().mapToInt(StorySummary::size).sum())
          .isEqualTo(all.size());
    }
  }

  @Test
  void nearCopiesShareADuplicateGroupAcrossRestarts() throws IOException {
    List<Article> all = StoreFixtures.articles();
    Article original = all.get(0);
    // a republished copy: same text with its last sentence cut and another source
    String text = original.text().strip();
    Article copy =
        new Article(
            "copy-of-" + original.id(),
            "mirror.example",
            "",
            original.title(),
            original.published().plusSeconds(3600),
            text.substring(0, text.lastIndexOf('.', text.length() - 2) + 1),
            null);
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(all);
      assertThat(s.article(original.id()).orElseThrow().duplicateGroup()).isEmpty();
      s.ingest(List.of(copy));
      assertThat(s.article(copy.id()).orElseThrow().duplicateGroup()).isEqualTo(original.id());
      assertThat(s.article(original.id()).orElseThrow().duplicateGroup()).isEqualTo(original.id());
      assertThat(s.article(all.get(1).id()).orElseThrow().duplicateGroup()).isEmpty();
    }
    try (StoryStore s = StoryStore.open(dir)) {
      assertThat(s.article(copy.id()).orElseThrow().duplicateGroup()).isEqualTo(original.id());
      Article another =
          new Article(
              "second-copy",
              "mirror2.example",
              "",
              original.title(),
              original.published().plusSeconds(7200),
              text,
              null);
      s.ingest(List.of(another));
      assertThat(s.article(another.id()).orElseThrow().duplicateGroup()).isEqualTo(original.id());
    }
  }

  @Test
  void htmlWithoutATitleIsListedUnderTheTitleCleaningFound() throws IOException {
    String para =
        "<p>The river rose four metres overnight after the dam upstream gave way, flooding"
            + " two villages and cutting the only road to the valley, officials said on Monday.</p>";
    Article page =
        new Article(
            "page-1",
            "news.example",
            "",
            "",
            StoreFixtures.T0,
            "",
            "<html><head><title>Dam bursts in northern valley</title></head><body><article><h1>Dam bursts in northern valley</h1>"
                + para.repeat(4)
                + "</article></body></html>");
    try (StoryStore s = StoryStore.open(dir)) {
      String story = s.ingest(List.of(page)).stories().get("page-1");
      assertThat(s.article("page-1").orElseThrow().article().title()).contains("Dam bursts");
      assertThat(s.story(story).orElseThrow().story().title()).contains("Dam bursts");
      assertThat(s.search("northern valley", 0, 5))
          .extracting(h -> h.article().title())
          .singleElement()
          .asString()
          .contains("Dam bursts");
    }
  }
}
