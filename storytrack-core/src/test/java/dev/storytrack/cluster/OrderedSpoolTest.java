package dev.storytrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderedSpoolTest {

  /**
   * Whatever the memory budget (one article per run, a few, everything in memory), the spool gives
   * exactly PublicationOrder.sort's order and the articles' every field back.
   */
  @Property(tries = 200)
  void spoolOrderIsPublicationOrder(
      @ForAll @Size(max = 60) List<@IntRange(min = -1, max = 20) Integer> days,
      @ForAll @IntRange(min = 1, max = 5000) int memory)
      throws IOException {
    List<Article> in = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      int d = days.get(i);
      Instant t =
          d < 0 ? null : Instant.parse("2020-01-01T00:00:00Z").plusSeconds(86_400L * d + i % 3);
      // text of varying length, non-ASCII included, so runs hold different numbers of articles
      in.add(
          new Article(
              "a" + i,
              "src" + (i % 4),
              i % 2 == 0 ? "" : "https://x/" + i,
              "T\u00e9 " + i,
              t,
              "text \u2014 " + "w ".repeat(i * 7 % 40),
              i % 5 == 0 ? "<p>raw</p>" : null));
    }
    Path dir = Files.createTempDirectory("spool-test");
    List<Article> out = new ArrayList<>();
    int runs;
    try (OrderedSpool spool = new OrderedSpool(dir, memory)) {
      for (Article a : in) spool.add(a);
      assertThat(spool.size()).isEqualTo(in.size());
      spool.forEach(out::add);
      runs = spool.runs();
    }
    List<Article> expected =
        PublicationOrder.sort(in).stream()
            .map(
                a ->
                    new Article(
                        a.id(), a.source(), a.url(), a.title(), a.published(), a.text(), null))
            .toList();
    assertThat(out).containsExactlyElementsOf(expected);
    if (memory < 300 && in.size() > 1) assertThat(runs).isGreaterThan(0);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("run files are deleted on close").isEmpty();
    }
    Files.delete(dir);
  }

  /**
   * Ids that come again: the spool gives the last record of each id, at that record's place in the
   * order of the whole input, whatever the memory budget; the others are counted as replaced.
   */
  @Property(tries = 200)
  void aRepeatedIdKeepsItsLastRecordOnly(
      @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 9) Integer> ids,
      @ForAll @Size(max = 50) List<@IntRange(min = -1, max = 6) Integer> days,
      @ForAll @IntRange(min = 1, max = 3000) int memory)
      throws IOException {
    int n = Math.min(ids.size(), days.size());
    List<Article> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int d = days.get(i);
      Instant t = d < 0 ? null : Instant.parse("2020-01-01T00:00:00Z").plusSeconds(86_400L * d);
      in.add(new Article("id" + ids.get(i), "", "", "record " + i, t, "text " + i, null));
    }
    // The expected order: the whole input sorted, then every record but each id's last dropped.
    java.util.Map<String, String> lastTitle = new java.util.HashMap<>();
    for (Article a : in) lastTitle.put(a.id(), a.title());
    List<String> expected =
        PublicationOrder.sort(in).stream()
            .filter(a -> lastTitle.get(a.id()).equals(a.title()))
            .map(Article::title)
            .toList();
    Path dir = Files.createTempDirectory("spool-test");
    try (OrderedSpool spool = new OrderedSpool(dir, memory)) {
      for (Article a : in) spool.add(a);
      List<String> out = new ArrayList<>();
      spool.forEach(a -> out.add(a.title()));
      assertThat(out).containsExactlyElementsOf(expected);
      assertThat(spool.replaced()).isEqualTo(n - lastTitle.size());
    }
    Files.delete(dir);
  }

  @Test
  void smallInputStaysInMemory(@TempDir Path dir) {
    try (OrderedSpool spool = new OrderedSpool(dir, 1 << 20)) {
      spool.add(new Article("b", "", "", "", Instant.parse("2020-01-02T00:00:00Z"), "x", null));
      spool.add(new Article("a", "", "", "", Instant.parse("2020-01-01T00:00:00Z"), "y", null));
      assertThat(spool).extracting(Article::id).containsExactly("a", "b");
      assertThat(spool.runs()).isZero();
    }
  }

  @Test
  void clusteringFromASpilledSpoolEqualsClusteringTheSortedList(@TempDir Path dir) {
    List<Article> articles = new ArrayList<>(dev.storytrack.link.Fixtures.skeleton());
    articles.addAll(dev.storytrack.link.Fixtures.seeds());
    articles.addAll(dev.storytrack.link.Fixtures.otherTopics());
    StoryClusterer listed = StoryClusterer.defaults();
    listed.addAll(PublicationOrder.sort(articles));
    listed.finish();
    StoryClusterer spooled = StoryClusterer.defaults();
    try (OrderedSpool spool = new OrderedSpool(dir, 4000)) {
      articles.forEach(spool::add);
      spooled.addAll(spool);
      assertThat(spool.runs()).isGreaterThan(1);
    }
    spooled.finish();
    assertThat(spooled.assignments()).isEqualTo(listed.assignments());
  }
}
