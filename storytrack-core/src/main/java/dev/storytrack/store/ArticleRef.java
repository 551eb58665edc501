package dev.storytrack.store;

import java.time.Instant;

/**
 * An article as a line in a story or a search result.
 *
 * @param published may be null
 * @param dateOnly {@code published} is known to the day only (that day's start, UTC)
 */
public record ArticleRef(
    String id, String source, String title, Instant published, String url, boolean dateOnly) {
  public ArticleRef {
    dateOnly = dateOnly && published != null;
  }

  /** A ref whose time, if any, is a full time. */
  public ArticleRef(String id, String source, String title, Instant published, String url) {
    this(id, source, title, published, url, false);
  }
}
