package dev.storytrack.store;

/** Articles of one source published on one UTC day ({@code yyyy-mm-dd}, or empty when undated). */
public record TimelinePoint(String day, String source, int articles) {}
