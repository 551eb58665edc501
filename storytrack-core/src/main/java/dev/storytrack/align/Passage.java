package dev.storytrack.align;

/**
 * A passage two texts share: a maximal aligned run of words, possibly with small edits inside.
 * Offsets are char offsets into the two texts given to the {@link Aligner}; ends are exclusive.
 *
 * @param aStart start in text A
 * @param aEnd end in text A
 * @param bStart start in text B
 * @param bEnd end in text B
 * @param words number of words of A inside the passage
 * @param text the passage as it reads in A
 */
public record Passage(int aStart, int aEnd, int bStart, int bEnd, int words, String text) {}
