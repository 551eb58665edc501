package dev.storytrack.align;

/**
 * A stretch of one text: whole sentences that the other text lacks.
 *
 * @param text the stretch as it reads
 * @param start char offset of its start in the text
 * @param end char offset after its end (exclusive)
 */
public record Segment(String text, int start, int end) {}
