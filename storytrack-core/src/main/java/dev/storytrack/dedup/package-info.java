/**
 * Exact and near-duplicate detection at corpus scale: 128-bit hashes of normalized text, MinHash
 * signatures (hash4j) over word shingles, LSH banding derived from the Jaccard threshold, and
 * union-find groups. {@link dev.storytrack.dedup.Deduplicator} streams a corpus; {@link
 * dev.storytrack.dedup.NearDuplicateIndex} is the incremental API. May import {@code article},
 * {@code extract} and {@code text}.
 */
package dev.storytrack.dedup;
