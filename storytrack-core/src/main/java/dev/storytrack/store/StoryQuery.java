package dev.storytrack.store;

import java.time.Instant;

/**
 * Which stories to list: those active in [since, until] (null for open ends), whose articles match
 * {@code query} when it is not blank, {@code limit} of them from {@code offset}.
 */
public record StoryQuery(Instant since, Instant until, String query, int offset, int limit) {
  public static final int MAX_LIMIT = 1000;

  public StoryQuery {
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0");
    if (limit < 1 || limit > MAX_LIMIT)
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    query = query == null ? "" : query;
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
    }
  }

  public static StoryQuery all() {
    return new StoryQuery(null, null, "", 0, MAX_LIMIT);
  }
}
