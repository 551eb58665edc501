/**
 * Passage alignment between two cleaned texts: the maximal runs of words they share (tolerant to
 * small edits, found in any order) and the variants inside them. May import {@code text}.
 */
package dev.storytrack.align;
