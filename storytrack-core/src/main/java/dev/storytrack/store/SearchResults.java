package dev.storytrack.store;

import java.util.List;

/**
 * What a search found.
 *
 * @param articles the page of matching articles, in {@code order}
 * @param totalArticles how many articles matched in all
 * @param stories the stories of the matching articles (all of them, not only this page's), in the
 *     order of their first article in {@code order}, at most {@link #MAX_STORIES}
 * @param totalStories how many stories hold a matching article
 * @param order how articles (and so stories) are ranked
 */
public record SearchResults(
    List<SearchHit> articles,
    int totalArticles,
    List<StorySummary> stories,
    int totalStories,
    SearchQuery.Order order) {
  /** Most stories listed with one search. */
  public static final int MAX_STORIES = 50;
}
