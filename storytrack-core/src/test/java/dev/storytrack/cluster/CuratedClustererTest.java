package dev.storytrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import dev.storytrack.link.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The clusterer's curation operations: merge, split out, remove. */
class CuratedClustererTest {
  static List<Article> all() {
    List<Article> out = new ArrayList<>();
    int i = 0;
    for (Article a : Fixtures.seeds())
      out.add(new Article(a.id(), "seed-" + i++, "", a.title(), null, a.text(), null));
    for (Article a : Fixtures.otherTopics())
      out.add(new Article(a.id(), "other", "", a.title(), null, a.text(), null));
    return out;
  }

  static StoryClusterer clustered(List<Article> articles) {
    StoryClusterer c = StoryClusterer.defaults();
    for (Article a : articles) c.add(a);
    c.assignTopics();
    return c;
  }

  static Function<String, Article> lookup(List<Article> articles) {
    Map<String, Article> byId = articles.stream().collect(Collectors.toMap(Article::id, a -> a));
    return byId::get;
  }

  @Test
  void mergedStoriesAreOneUnderTheOlderId() {
    List<Article> as = all();
    StoryClusterer c = clustered(as);
    String seeds = c.storyOf(as.get(0).id());
    String brexit = c.storyOf("brexit_vote");
    int before = c.stories().size();
    assertThat(c.mergeStories(brexit, seeds)).isEqualTo(seeds);
    assertThat(c.storyOf("brexit_vote")).isEqualTo(seeds);
    assertThat(c.stories()).hasSize(before - 1);
    Story merged = c.stories().stream().filter(s -> s.id().equals(seeds)).findFirst().orElseThrow();
    assertThat(merged.articleIds()).containsExactly(as.get(0).id(), as.get(1).id(), "brexit_vote");
    assertThat(merged.sourceCounts()).containsEntry("other", 1).containsEntry("seed-0", 1);
    assertThat(c.assignments().values()).doesNotContain(brexit);
    assertThatThrownBy(() -> c.mergeStories(seeds, "s99"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void splitArticlesFormTheirOwnStoryAndTheOldOneIsSummarizedAgain() {
    List<Article> as = all();
    StoryClusterer c = clustered(as);
    String seeds = c.storyOf(as.get(0).id());
    String own = c.splitOut(List.of(as.get(1).id()), lookup(as));
    assertThat(own).isNotEqualTo(seeds);
    assertThat(c.storyOf(as.get(1).id())).isEqualTo(own);
    Story old = c.stories().stream().filter(s -> s.id().equals(seeds)).findFirst().orElseThrow();
    assertThat(old.articleIds()).containsExactly(as.get(0).id());
    assertThat(old.sourceCounts()).containsOnlyKeys("seed-0");
    c.assignTopics();
    assertThat(c.topicOf(own)).isNotNull();
    // ids it does not hold change nothing
    assertThat(c.splitOut(List.of("nope"), lookup(as))).isNull();
  }

  @Test
  void removedArticlesLeaveAndAnEmptyStoryIsGone() {
    List<Article> as = all();
    StoryClusterer c = clustered(as);
    String fed = c.storyOf("fed_rates");
    int before = c.stories().size();
    c.remove(List.of("fed_rates", as.get(1).id()), lookup(as));
    assertThat(c.storyOf("fed_rates")).isNull();
    assertThat(c.assignments()).doesNotContainKeys("fed_rates", as.get(1).id());
    assertThat(c.stories()).hasSize(before - 1).extracting(Story::id).doesNotContain(fed);
    assertThat(c.topics(StoryClusterer.TOPIC_THRESHOLD)).doesNotContainKey(fed);
    assertThatThrownBy(() -> c.mergeStories(fed, c.storyOf(as.get(0).id())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
