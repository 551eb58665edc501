package dev.storytrack.article;

/** Counts of one read: articles delivered and problems (skipped records or files). */
public record ReadSummary(long articles, long problems) {}
