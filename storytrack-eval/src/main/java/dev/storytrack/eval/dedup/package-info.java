/**
 * Measuring near-duplicate detection on planted truth: {@link
 * dev.storytrack.eval.dedup.PlantedCorpus} generates a corpus of edited copies of real articles
 * with the cluster of each document recorded, and {@link dev.storytrack.eval.dedup.DedupQuality}
 * scores the deduplicator's pairs against that truth and against exact shingle Jaccard. May import
 * {@code article}, {@code dedup} and {@code text}.
 */
package dev.storytrack.eval.dedup;
