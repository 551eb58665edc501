package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.version.Revision;
import dev.storytrack.version.Revisions;
import dev.storytrack.version.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionsStoreTest {
  @TempDir Path dir;

  static final String DROPPED =
      "The US-led coalition said it was supporting sweeping operations with air strikes on militant hideouts.";
  static final String KEPT = "The US-backed alliance is now";
  static final String NOTE =
      "Correction: An earlier version of this article misstated the date Baghouz fell.";

  /**
   * The first seed as a site would edit it: a figure changed, a paragraph cut, a correction added.
   */
  static Article edited(Article a) {
    String text =
        a.text()
            .replace("March 23", "March 24")
            .replace(DROPPED + "\n", "")
            .replace(KEPT, NOTE + "\n\n" + KEPT);
    return a.withTitle(a.title() + " (updated)").withText(text);
  }

  static List<String> texts(List<dev.storytrack.align.Segment> segments) {
    return segments.stream().map(dev.storytrack.align.Segment::text).toList();
  }

  @Test
  void reIngestWithOtherTextKeepsTheEarlierRevisionAndSaysWhatChanged() throws IOException {
    List<Article> all = StoreFixtures.articles();
    Article first = all.get(0);
    assertThat(first.text()).contains(DROPPED).contains("March 23");
    Instant before = Instant.now();
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(all);
      assertThat(s.revisions(first.id())).hasSize(1);
      Instant between = Instant.now();
      IngestResult r = s.ingest(List.of(edited(first)));
      assertThat(r.updated()).isEqualTo(1);

      List<StoredRevision> revs = s.revisions(first.id());
      assertThat(revs).extracting(StoredRevision::number).containsExactly(1, 2);
      assertThat(revs.get(0).article()).isEqualTo(first);
      assertThat(revs.get(1).article()).isEqualTo(edited(first));
      assertThat(revs.get(0).seen()).isBetween(before.minusMillis(1), between.plusMillis(1));
      assertThat(revs.get(1).seen()).isAfterOrEqualTo(revs.get(0).seen());
      assertThat(revs.get(0).cleanedText()).contains(DROPPED);
      assertThat(s.article(first.id()).orElseThrow().article()).isEqualTo(edited(first));

      List<Revision> diff = Revisions.defaults().of(revisionTexts(revs));
      assertThat(diff.get(0).changes()).isNull();
      Revision.Changes c = diff.get(1).changes();
      assertThat(c.headline().before()).isEqualTo(first.title());
      assertThat(c.headline().after()).isEqualTo(first.title() + " (updated)");
      assertThat(c.variants()).contains(new Version.Change("date", "23", "24"));
      assertThat(texts(c.dropped())).containsExactly(DROPPED);
      assertThat(revs.get(1).cleanedText()).as(revs.get(1).cleanedText()).contains(NOTE);
      assertThat(texts(c.added())).containsExactly(NOTE);
      assertThat(c.correction()).isTrue();
      assertThat(c.correctionNote()).isEqualTo(NOTE);
    }
  }

  static List<Revisions.Text> revisionTexts(List<StoredRevision> revs) {
    List<Revisions.Text> out = new ArrayList<>();
    for (StoredRevision r : revs) {
      out.add(
          new Revisions.Text(
              r.number(), r.seen(), r.article().published(), r.title(), r.cleanedText()));
    }
    return out;
  }

  @Test
  void unchangedReIngestAddsNoRevision() throws IOException {
    List<Article> all = StoreFixtures.articles();
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(all);
      IngestResult again = s.ingest(all);
      assertThat(again.unchanged()).isEqualTo(all.size());
      for (Article a : all)
        assertThat(s.revisions(a.id())).extracting(StoredRevision::number).containsExactly(1);
      // Same cleaned title and text under another record (only the URL differs): no revision
      // either.
      Article first = all.get(0);
      Instant seen = s.revisions(first.id()).get(0).seen();
      s.ingest(
          List.of(
              new Article(
                  first.id(),
                  first.source(),
                  first.url() + "?ref=rss",
                  first.title(),
                  first.published(),
                  first.text(),
                  first.html())));
      assertThat(s.revisions(first.id())).hasSize(1);
      // ... and the content keeps the time it was first seen.
      assertThat(s.revisions(first.id()).get(0).seen()).isEqualTo(seen);
      assertThat(s.revisions("no-such-id")).isEmpty();
    }
  }

  @Test
  void revisionsSurviveReopeningAndNeverCountOrMatchAsArticles() throws IOException {
    List<Article> all = StoreFixtures.articles();
    Article first = all.get(0);
    String story;
    try (StoryStore s = StoryStore.open(dir)) {
      s.ingest(all);
      s.ingest(
          List.of(
              first.withText(
                  first
                      .text()
                      .replace(
                          KEPT,
                          "A zanzibarian paragraph the site later cut, about the fighters who fled.\n\n"
                              + KEPT))));
      story = s.ingest(List.of(edited(first))).stories().get(first.id());
    }
    try (StoryStore s = StoryStore.open(dir)) {
      assertThat(s.revisions(first.id()))
          .extracting(StoredRevision::number)
          .containsExactly(1, 2, 3);
      assertThat(s.revisions(first.id()).get(1).cleanedText()).contains("zanzibarian");
      assertThat(s.counts()).containsExactly(all.size(), all.size() - 1);
      // Only the second revision's text has the word: it must not be found.
      assertThat(s.search("zanzibarian", 0, 10)).isEmpty();
      assertThat(s.stories(new StoryQuery(null, null, "zanzibarian", 0, 10)).total()).isZero();
      assertThat(s.search("Baghouz", 0, 10))
          .extracting(h -> h.article().id())
          .doesNotHaveDuplicates();
      assertThat(s.story(story).orElseThrow().articles())
          .extracting(ArticleRef::id)
          .doesNotHaveDuplicates()
          .contains(first.id());
      assertThat(s.storyArticles(story)).extracting(a -> a.article().id()).doesNotHaveDuplicates();
      // Editing it again after the restart continues the numbering.
      s.ingest(
          List.of(
              edited(first)
                  .withText(
                      edited(first)
                          .text()
                          .replace(
                              KEPT,
                              "A later paragraph about the offensive and the fighters who fled.\n\n"
                                  + KEPT))));
      assertThat(s.revisions(first.id()))
          .extracting(StoredRevision::number)
          .containsExactly(1, 2, 3, 4);
      assertThat(s.counts()[0]).isEqualTo(all.size());
    }
    try (StoryStore s = StoryStore.openReadOnly(dir)) {
      assertThat(s.revisions(List.of(first.id(), all.get(1).id())).get(first.id())).hasSize(4);
      assertThat(s.revisions(List.of(first.id(), all.get(1).id())).get(all.get(1).id())).hasSize(1);
    }
  }

  @Test
  void keepsAtMostTheNewestRevisions() throws IOException {
    Article a = StoreFixtures.articles().get(2);
    int edits = StoryStore.MAX_REVISIONS + 3;
    try (StoryStore s = StoryStore.open(dir)) {
      for (int i = 1; i <= edits; i++)
        s.ingest(List.of(a.withText(a.text() + "\nEdit number " + i + " of the live page.\n")));
      List<StoredRevision> revs = s.revisions(a.id());
      assertThat(revs).hasSize(StoryStore.MAX_REVISIONS);
      assertThat(revs.get(revs.size() - 1).number()).isEqualTo(edits);
      assertThat(revs.get(0).number()).isEqualTo(edits - StoryStore.MAX_REVISIONS + 1);
      assertThat(revs.get(revs.size() - 1).cleanedText()).contains("Edit number " + edits + " ");
      assertThat(s.counts()[0]).isEqualTo(1);
    }
  }
}
