package dev.storytrack.cluster;

import dev.storytrack.article.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders articles for {@link StoryClusterer}: by publication time, undated ones by input order. */
public final class PublicationOrder {
  private PublicationOrder() {}

  /**
   * Stable sort by publication time. An article without a date keeps its place after the dated
   * article that precedes it in the input (at the start when none does), so undated articles are
   * placed by input order rather than all at one end.
   */
  public static List<Article> sort(List<Article> articles) {
    record Keyed(Article a, Instant key, int pos) {}
    List<Keyed> keyed = new ArrayList<>(articles.size());
    Instant last = Instant.MIN;
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      if (a.published() != null) last = a.published();
      keyed.add(new Keyed(a, a.published() != null ? a.published() : last, i));
    }
    keyed.sort(Comparator.comparing(Keyed::key).thenComparingInt(Keyed::pos));
    return keyed.stream().map(Keyed::a).toList();
  }
}
