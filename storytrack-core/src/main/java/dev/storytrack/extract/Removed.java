package dev.storytrack.extract;

/**
 * A block that cleaning removed, and why.
 *
 * @param text the removed text (whitespace collapsed)
 * @param reason short category: {@code comments}, {@code form}, {@code widget}, {@code caption},
 *     {@code navigation}, {@code byline}, ...
 */
public record Removed(String text, String reason) {}
