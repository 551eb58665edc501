package dev.storytrack.store;

import java.time.Instant;
import java.util.Map;

/**
 * One story as listed.
 *
 * @param id story id (from the clusterer: {@code s1}, {@code s2}, ...)
 * @param title the title of its earliest dated article (the first version)
 * @param size number of articles
 * @param sources articles per source, most first
 * @param firstSeen earliest publication time, or null when no article has a date
 * @param lastSeen latest publication time, or null
 * @param topic the topic the story belongs to ({@code t1, t2, ...}: stories of one kind, see {@code
 *     StoryClusterer.assignTopics}), or null when unknown
 */
public record StorySummary(
    String id,
    String title,
    int size,
    Map<String, Integer> sources,
    Instant firstSeen,
    Instant lastSeen,
    String topic) {
  /** A summary without a topic. */
  public StorySummary(
      String id,
      String title,
      int size,
      Map<String, Integer> sources,
      Instant firstSeen,
      Instant lastSeen) {
    this(id, title, size, sources, firstSeen, lastSeen, null);
  }
}
