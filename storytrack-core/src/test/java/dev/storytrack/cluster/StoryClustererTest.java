package dev.storytrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.link.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
  private static List<Article> mixed() {
    List<Article> seeds = Fixtures.seeds();
    List<Article> others = Fixtures.otherTopics();
    List<Article> all = new ArrayList<>();
    all.add(seeds.get(0));
    all.addAll(others.subList(0, 2));
    all.add(seeds.get(1));
    all.addAll(others.subList(2, others.size()));
    return all;
  }

  @Test
  void seedsShareAStoryAndOtherTopicsStayApart() {
    StoryClusterer c = StoryClusterer.defaults();
    for (Article a : mixed()) c.add(a);
    c.finish();
    Map<String, String> as = c.assignments();
    List<Article> seeds = Fixtures.seeds();
    String seedStory = as.get(seeds.get(0).id());
    assertThat(as.get(seeds.get(1).id())).isEqualTo(seedStory);
    for (Article o : Fixtures.otherTopics()) assertThat(as.get(o.id())).isNotEqualTo(seedStory);
    assertThat(c.stories()).hasSize(1 + Fixtures.otherTopics().size());
    Story s = c.stories().stream().filter(x -> x.id().equals(seedStory)).findFirst().orElseThrow();
    assertThat(s.origin()).isEqualTo(seeds.get(0).id());
    assertThat(s.articleIds()).containsExactly(seeds.get(0).id(), seeds.get(1).id());
    assertThat(s.title()).isIn(seeds.get(0).title(), seeds.get(1).title());
    // Entities read as the articles wrote them, not as the normalized keys they are matched by
    // ("bghz", "sr"); Daesh and IS are one entity, shown once.
    assertThat(s.topEntities())
        .contains("Baghouz", "Syrian Democratic Forces")
        .doesNotContain("bghz")
        .doesNotHaveDuplicates();
    assertThat(
            s.topEntities().stream()
                .filter(e -> e.equals("Daesh") || e.equals("IS") || e.equals("Islamic State")))
        .hasSize(1);
    // Terms read as words of the articles ("coalition", "warplanes"), never as stems ("coalit")
    assertThat(s.topTerms())
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allSatisfy(
            t ->
                assertThat(
                        seeds.stream()
                            .map(
                                x ->
                                    (x.title() + " " + x.text())
                                        .toLowerCase(java.util.Locale.ROOT)))
                    .anySatisfy(
                        text ->
                            assertThat(text)
                                .containsPattern(
                                    "\\b" + java.util.regex.Pattern.quote(t) + "\\b")));
    // every article here is undated: flagged, placed by input order
    assertThat(c.undated()).hasSize(mixed().size());
  }

  @Test
  void deterministic() {
    StoryClusterer a = StoryClusterer.defaults();
    StoryClusterer b = StoryClusterer.defaults();
    for (Article x : mixed()) a.add(x);
    for (Article x : mixed()) b.add(x);
    a.finish();
    b.finish();
    assertThat(a.assignments()).containsExactlyEntriesOf(b.assignments());
    assertThat(a.stories()).isEqualTo(b.stories());
  }

  @Test
  void addAllGivesTheSameResultAsOneByOne() {
    List<Article> many = new ArrayList<>();
    for (int round = 0; round < 120; round++) {
      for (Article a : mixed()) {
        many.add(
            new Article(
                a.id() + "-" + round,
                "",
                "",
                a.title(),
                Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofDays(round * 3L)),
                a.text(),
                null));
      }
    }
    StoryClusterer one = StoryClusterer.defaults();
    for (Article a : many) one.add(a);
    StoryClusterer all = StoryClusterer.defaults();
    all.addAll(many);
    one.finish();
    all.finish();
    assertThat(all.assignments()).containsExactlyEntriesOf(one.assignments());
    assertThat(all.stories()).isEqualTo(one.stories());
  }

  @Test
  void emptyArticlesAreSkippedAndCounted() {
    StoryClusterer c = StoryClusterer.defaults();
    assertThat(c.add(Article.ofText("e1", "", "  "))).isNull();
    c.add(Fixtures.seeds().get(0));
    assertThat(c.skippedEmpty()).isEqualTo(1);
    assertThat(c.assignments()).containsOnlyKeys(Fixtures.seeds().get(0).id());
  }

  private static final Instant T0 = Instant.parse("2019-04-02T10:00:00Z");

  /** The first seed at T0, then 64 other-topic articles 100 to 163 days later. */
  private static StoryClusterer seedThenOthers(int windowArticles) {
    StoryClusterer c =
        new StoryClusterer(
            dev.storytrack.link.LinkModel.shipped(),
            dev.storytrack.link.TermStats.background(),
            ClusterOptions.defaults()
                .withWindow(Duration.ofDays(30))
                .withWindowArticles(windowArticles));
    c.add(dated(Fixtures.seeds().get(0), T0));
    List<Article> others = Fixtures.otherTopics();
    for (int i = 0; i < 64; i++) {
      Article o = others.get(i % others.size());
      c.add(
          new Article(
              o.id() + "-" + i,
              "",
              "",
              o.title(),
              T0.plus(Duration.ofDays(100 + i)),
              o.text(),
              null));
    }
    return c;
  }

  @Test
  void quietStoriesLeaveTheActiveSetButStayQueryable() {
    // 200 days and over 50 articles later the same story text no longer finds the quiet story
    StoryClusterer c = seedThenOthers(50);
    List<Article> seeds = Fixtures.seeds();
    String later = c.add(dated(seeds.get(1), T0.plus(Duration.ofDays(200))));
    String first = c.assignments().get(seeds.get(0).id());
    assertThat(later).isNotEqualTo(first);
    Story quiet = c.stories().stream().filter(s -> s.id().equals(first)).findFirst().orElseThrow();
    assertThat(quiet.active()).isFalse();
    assertThat(quiet.firstSeen()).isEqualTo(T0);
  }

  @Test
  void inASparseStreamAQuietStoryStaysActiveUntilEnoughArticlesFollow() {
    // 200 days on but only 64 articles later: too little evidence that the story is over
    StoryClusterer c = seedThenOthers(1000);
    Story first = c.stories().get(0);
    assertThat(first.active()).isTrue();
    String later = c.add(dated(Fixtures.seeds().get(1), T0.plus(Duration.ofDays(200))));
    assertThat(later).isEqualTo(first.id());
  }

  @Test
  void byDefaultStoriesEndOnTheModelsHorizonWhateverTheArticleCount() {
    Duration horizon = dev.storytrack.link.LinkModel.shipped().horizon().orElseThrow();
    assertThat(StoryClusterer.defaults().window()).isEqualTo(horizon);
    List<Article> seeds = Fixtures.seeds();
    for (int between : new int[] {0, 300}) {
      // A follow-up well inside the horizon joins, however many articles came in between.
      StoryClusterer c = StoryClusterer.defaults();
      String first = c.add(dated(seeds.get(0), T0));
      others(c, between, T0.plus(Duration.ofDays(1)));
      assertThat(c.add(dated(seeds.get(1), T0.plus(Duration.ofDays(20)))))
          .as("%d between", between)
          .isEqualTo(first);
      // Past the horizon the story is over, however few articles came in between.
      StoryClusterer d = StoryClusterer.defaults();
      String old = d.add(dated(seeds.get(0), T0));
      others(d, between, T0.plus(Duration.ofDays(1)));
      others(d, 64, T0.plus(horizon).plus(Duration.ofDays(30)));
      assertThat(d.add(dated(seeds.get(1), T0.plus(horizon).plus(Duration.ofDays(40)))))
          .as("%d between", between)
          .isNotEqualTo(old);
      assertThat(d.stories().get(0).active()).isFalse();
    }
  }

  private static void others(StoryClusterer c, int n, Instant at) {
    List<Article> others = Fixtures.otherTopics();
    for (int i = 0; i < n; i++) {
      Article o = others.get(i % others.size());
      c.add(new Article(o.id() + "-" + at + "-" + i, "", "", o.title(), at, o.text(), null));
    }
  }

  @Test
  void topicsGroupStoriesOfOneKindAndKeepOtherKindsApart() {
    StoryClusterer c = StoryClusterer.defaults();
    List<Article> all = new ArrayList<>(Fixtures.seeds());
    all.addAll(Fixtures.skeleton());
    for (Article a : all) c.add(a);
    c.finish();
    Map<String, String> story = c.assignments();
    Map<String, String> topic = c.topics(StoryClusterer.TOPIC_THRESHOLD);
    String seed = story.get(Fixtures.seeds().get(0).id());
    String mosul =
        all.stream().filter(a -> a.id().contains("mosul")).findFirst().orElseThrow().id();
    String brexit =
        all.stream().filter(a -> a.id().contains("brexit")).findFirst().orElseThrow().id();
    String japan =
        all.stream().filter(a -> a.id().contains("japan")).findFirst().orElseThrow().id();
    // two events of the war against IS (Baghouz, Mosul): two stories, one topic
    assertThat(story.get(mosul)).isNotEqualTo(seed);
    assertThat(topic.get(story.get(mosul))).isEqualTo(topic.get(seed));
    assertThat(topic.get(story.get(brexit))).isNotEqualTo(topic.get(seed));
    assertThat(topic.get(story.get(japan)))
        .isNotEqualTo(topic.get(seed))
        .isNotEqualTo(topic.get(story.get(brexit)));
    // at a threshold above 1 every story is its own topic
    assertThat(new java.util.HashSet<>(c.topics(1.01).values())).hasSize(c.stories().size());
  }

  @Test
  void publicationOrderPlacesUndatedByInputOrder() {
    Article a = new Article("a", "", "", "", Instant.parse("2020-01-03T00:00:00Z"), "x", null);
    Article b = new Article("b", "", "", "", null, "x", null);
    Article c = new Article("c", "", "", "", Instant.parse("2020-01-01T00:00:00Z"), "x", null);
    Article d = new Article("d", "", "", "", null, "x", null);
    assertThat(PublicationOrder.sort(List.of(d, a, b, c)))
        .extracting(Article::id)
        .containsExactly("d", "c", "a", "b");
  }

  private static Article dated(Article a, Instant t) {
    return new Article(a.id(), a.source(), a.url(), a.title(), t, a.text(), null);
  }
}
