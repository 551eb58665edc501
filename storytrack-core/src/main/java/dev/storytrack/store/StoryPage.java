package dev.storytrack.store;

import java.util.List;

/** One page of stories and how many matched in all. */
public record StoryPage(List<StorySummary> stories, int total) {}
