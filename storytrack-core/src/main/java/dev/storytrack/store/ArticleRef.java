package dev.storytrack.store;

import java.time.Instant;

/** An article as a line in a story or a search result. {@code published} may be null. */
public record ArticleRef(String id, String source, String title, Instant published, String url) {}
