package dev.storytrack.store;

import java.time.Instant;
import java.util.List;

/**
 * An article search.
 *
 * @param query Lucene query syntax (see {@code docs/api.md}): all words must match unless joined by
 *     {@code OR}, {@code "quoted phrases"}, {@code title:word}, {@code source:host}, {@code -word}
 * @param since only articles published at or after it (null: no bound; undated articles then drop
 *     out)
 * @param until only articles published at or before it
 * @param sources only articles from one of these sources (normalised as stored); empty: any
 * @param order how hits are ranked
 * @param offset hits to skip
 * @param limit most hits to return (1..{@value #MAX_LIMIT})
 */
public record SearchQuery(
    String query,
    Instant since,
    Instant until,
    List<String> sources,
    Order order,
    int offset,
    int limit) {
  public static final int MAX_LIMIT = 1000;

  /** How hits are ranked; {@link #label()} says it to people. */
  public enum Order {
    BEST("best match first"),
    NEWEST("newest first"),
    OLDEST("oldest first");

    private final String label;

    Order(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public SearchQuery {
    query = query == null ? "" : query;
    sources = sources == null ? List.of() : List.copyOf(sources);
    order = order == null ? Order.BEST : order;
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0");
    if (limit < 1 || limit > MAX_LIMIT)
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
    }
  }

  /** Best matches of {@code query}, no filters. */
  public static SearchQuery of(String query, int offset, int limit) {
    return new SearchQuery(query, null, null, List.of(), Order.BEST, offset, limit);
  }
}
