/**
 * Passage alignment between two cleaned texts: the maximal runs of words they share (tolerant to
 * small edits, found in any order), the variants inside them with their kinds (figure, date, name,
 * spelling, wording) and the sentences only one text has. May import {@code text}.
 */
package dev.storytrack.align;
