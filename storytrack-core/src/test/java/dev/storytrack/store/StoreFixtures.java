package dev.storytrack.store;

import dev.storytrack.article.Article;
import dev.storytrack.link.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Dated, sourced articles for store tests: the two seed versions and the other topics. */
final class StoreFixtures {
  static final Instant T0 = Instant.parse("2019-03-20T08:00:00Z");

  private StoreFixtures() {}

  static List<Article> articles() {
    List<Article> out = new ArrayList<>();
    List<Article> seeds = Fixtures.seeds();
    for (int i = 0; i < seeds.size(); i++) out.add(dated(seeds.get(i), "seed-site-" + i, i));
    List<Article> others = Fixtures.otherTopics();
    for (int i = 0; i < others.size(); i++) out.add(dated(others.get(i), "other-" + i, 10 + i));
    return out;
  }

  static Article dated(Article a, String source, int hours) {
    return new Article(
        a.id(),
        source,
        "https://" + source + ".example/" + a.id(),
        a.title(),
        T0.plus(Duration.ofHours(hours)),
        a.text(),
        a.html());
  }
}
