package dev.storytrack.store;

import java.util.List;

/**
 * One full-text hit: the article, its story, its score and a short plain-text snippet.
 *
 * @param highlights where the query matched in {@code snippet}, as {@code [start, end)} char
 *     offsets, in order; empty when the snippet holds no match (a title-only match)
 */
public record SearchHit(
    ArticleRef article, String story, float score, String snippet, List<Highlight> highlights) {
  public SearchHit {
    highlights = List.copyOf(highlights);
  }

  /** A hit without marked matches. */
  public SearchHit(ArticleRef article, String story, float score, String snippet) {
    this(article, story, score, snippet, List.of());
  }

  /** A matched span {@code [start, end)} of a snippet. */
  public record Highlight(int start, int end) {}
}
