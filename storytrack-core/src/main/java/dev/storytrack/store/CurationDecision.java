package dev.storytrack.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One correction a person made to the machine's stories, as the store keeps it (see {@code
 * docs/store.md}, "Curation").
 *
 * @param number 1, 2, ... in the order the decisions were made
 * @param kind what was decided
 * @param time when
 * @param by who (free text: a user name, or the HTTP client), may be empty
 * @param note why (free text), may be empty
 * @param stories the stories it was made on, as they were then: the two merged, the one split, the
 *     stories the deleted articles left
 * @param articles the articles split out, deleted or restored (empty for a merge)
 * @param result the story that holds the articles afterwards: the merged story, the new story of a
 *     split, the story a restored article joined; null for a delete
 */
public record CurationDecision(
    int number,
    Kind kind,
    Instant time,
    String by,
    String note,
    List<String> stories,
    List<String> articles,
    String result) {

  public CurationDecision {
    stories = List.copyOf(stories);
    articles = List.copyOf(articles);
    by = by == null ? "" : by;
    note = note == null ? "" : note;
  }

  /** The kinds of decision. */
  public enum Kind {
    /** Two stories are one. */
    MERGE,
    /** Articles leave their story and form a new one of their own. */
    SPLIT,
    /** Articles leave the store; the same ids ingested again are skipped. */
    DELETE,
    /** A deleted article ingested again on purpose ({@code --restore-deleted}). */
    RESTORE;

    /** The name as users type and read it: {@code merge}, {@code split}, ... */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
