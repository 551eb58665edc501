/**
 * Measuring storytrack on labelled public data: clustering metrics (B-cubed, pairwise), data
 * converters (GiveMe5W1H) and cross-validation grouped by event; {@code eval.extraction} scores
 * main-content extraction with each benchmark's own metric. May import every other package.
 */
package dev.storytrack.eval;
