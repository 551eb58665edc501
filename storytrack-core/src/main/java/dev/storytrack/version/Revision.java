package dev.storytrack.version;

import dev.storytrack.align.Segment;
import java.time.Instant;
import java.util.List;

/**
 * One revision of an article: the text stored when the same id was ingested with other content.
 *
 * @param number 1 for the first text stored under the id, counting up; numbers stay the same when
 *     the oldest revisions are dropped for the store's cap
 * @param seen when it was ingested, or null for one stored before ingest times were kept
 * @param published its publication time, or null
 * @param title its cleaned title
 * @param changes what changed against the revision before, or null when none is kept (the first)
 */
public record Revision(int number, Instant seen, Instant published, String title, Changes changes) {

  /**
   * What changed between two consecutive revisions.
   *
   * @param headline the title before and after, or null when it did not change
   * @param added passages (whole sentences) of the new text the previous one lacks, offsets into
   *     the new text
   * @param dropped passages of the previous text the new one lacks, offsets into the previous text
   * @param variants other words for the same thing inside passages both share (any kind of {@link
   *     dev.storytrack.align.VariantKinds}, spelling fixes included: an edit is an edit)
   * @param correction true when the new text carries a correction or update note the previous one
   *     did not
   * @param correctionNote the first such note's sentence, or null
   */
  public record Changes(
      Headline headline,
      List<Segment> added,
      List<Segment> dropped,
      List<Version.Change> variants,
      boolean correction,
      String correctionNote) {
    public Changes {
      added = List.copyOf(added);
      dropped = List.copyOf(dropped);
      variants = List.copyOf(variants);
    }
  }

  /** A changed headline. */
  public record Headline(String before, String after) {}
}
