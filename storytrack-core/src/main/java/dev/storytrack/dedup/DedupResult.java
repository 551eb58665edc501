package dev.storytrack.dedup;

import java.util.BitSet;
import java.util.List;

/**
 * The outcome of a {@link Deduplicator} run.
 *
 * @param documents records seen
 * @param empty records whose cleaned text has no words (never duplicates)
 * @param failed records that could not be cleaned (skipped, see {@code problems})
 * @param exactDuplicates records whose normalized text equals an earlier record's
 * @param duplicates records dropped as exact or near duplicates (all group members but the
 *     representative)
 * @param groups groups of two or more documents, by representative's input position
 * @param indexBytes memory held by the index at the end
 * @param plan the LSH banding used
 * @param problems the first few records that failed, as one-line reasons
 */
public record DedupResult(
    long documents,
    long empty,
    long failed,
    long exactDuplicates,
    long duplicates,
    List<DuplicateGroup> groups,
    BitSet dropped,
    long indexBytes,
    LshPlan plan,
    List<String> problems) {

  public DedupResult {
    groups = List.copyOf(groups);
    dropped = (BitSet) dropped.clone();
    problems = List.copyOf(problems);
  }

  /** Whether the record at this input position survives deduplication. */
  public boolean keep(long ordinal) {
    return ordinal < documents && ordinal <= Integer.MAX_VALUE && !dropped.get((int) ordinal);
  }

  /** Index bytes per document (0 when there are none). */
  public double bytesPerDocument() {
    return documents == 0 ? 0 : (double) indexBytes / documents;
  }
}
