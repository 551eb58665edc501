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
 */
public record StorySummary(
    String id, String title, int size, Map<String, Integer> sources, Instant firstSeen, Instant lastSeen) {}
