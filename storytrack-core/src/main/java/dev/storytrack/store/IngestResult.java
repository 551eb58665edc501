package dev.storytrack.store;

import java.util.List;
import java.util.Map;

/**
 * What one durable ingest did.
 *
 * @param added new articles
 * @param updated known ids whose content changed (stored anew; they keep their story)
 * @param unchanged known ids with identical content (nothing written)
 * @param empty articles skipped because title and cleaned text were empty
 * @param notCleaned articles the extractor failed on, stored with their text as given
 * @param stories story id of each added or updated article, after the batch
 * @param deleted ids skipped because a person deleted them before (see {@link StoryStore#delete});
 *     ingesting with {@code restoreDeleted} stores them again
 */
public record IngestResult(
    int added,
    int updated,
    int unchanged,
    int empty,
    int notCleaned,
    Map<String, String> stories,
    List<String> deleted) {

  public IngestResult {
    deleted = List.copyOf(deleted);
  }
}
