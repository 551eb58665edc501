package dev.storytrack.article;

/**
 * A record or file that could not be read. {@link #toString()} is the one-line message shown to
 * users: {@code location: reason}.
 *
 * @param location the file, with {@code :line} for line-based formats ({@code <stdin>} for stdin)
 * @param reason why it was skipped, in words
 */
public record ReadProblem(String location, String reason) {
  /** How the reason of a repeated id begins: a notice, not a skipped record. */
  static final String DUPLICATE_ID = "duplicate id ";

  /** What the notice of a repeated id says every consumer but dedup does. */
  static final String LATER_KEPT = "the later record is kept";

  /**
   * True for the notice of an id read before in the same input: the record was delivered (the later
   * record replaces the earlier one), nothing was skipped.
   */
  public boolean duplicateId() {
    return reason.startsWith(DUPLICATE_ID);
  }

  /**
   * This notice of a repeated id for a consumer that does something else with it than keep the
   * later record (dedup compares both): {@code consequence} replaces "the later record is kept".
   */
  public ReadProblem withConsequence(String consequence) {
    return duplicateId()
        ? new ReadProblem(location, reason.replace(LATER_KEPT, consequence))
        : this;
  }

  @Override
  public String toString() {
    return location + ": " + reason;
  }
}
