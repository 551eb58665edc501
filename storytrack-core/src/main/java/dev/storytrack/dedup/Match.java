package dev.storytrack.dedup;

/**
 * An indexed document similar to a query.
 *
 * @param ordinal the document's ordinal in the index (order of {@link NearDuplicateIndex#add})
 * @param similarity estimated Jaccard similarity (1.0 for an exact duplicate)
 * @param exact whether the normalized texts are identical (same 128-bit hash)
 */
public record Match(int ordinal, double similarity, boolean exact) {}
