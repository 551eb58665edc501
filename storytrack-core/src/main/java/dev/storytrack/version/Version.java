package dev.storytrack.version;

import dev.storytrack.align.Segment;
import java.util.List;

/**
 * One article as a version of its story.
 *
 * @param id the article id
 * @param origin true when it reuses no earlier version's text: the earliest version of its own tree
 * @param reusedShare share of its words found in the earlier versions it reuses ({@code
 *     reusedFrom}), 0..1
 * @param reusedFrom the earlier versions its text came from, the closest source (its parent) first
 * @param added passages (whole sentences) found in none of those earlier versions; empty for an
 *     origin, whose whole text is its own
 * @param dropped passages of its parent it left out, offsets into the parent's text
 * @param changes its figure, date, name and (outside quotes) wording changes against its parent
 */
public record Version(
    String id,
    boolean origin,
    double reusedShare,
    List<Source> reusedFrom,
    List<Segment> added,
    List<Segment> dropped,
    List<Change> changes) {
  public Version {
    reusedFrom = List.copyOf(reusedFrom);
    added = List.copyOf(added);
    dropped = List.copyOf(dropped);
    changes = List.copyOf(changes);
  }

  /** The parent (the closest source), or null for an origin. */
  public String parent() {
    return reusedFrom.isEmpty() ? null : reusedFrom.get(0).id();
  }

  /**
   * An earlier version this one reuses.
   *
   * @param id its article id
   * @param share share of this version's words inside passages shared with it, 0..1
   */
  public record Source(String id, double share) {}

  /**
   * A change against the parent.
   *
   * @param kind {@code figure}, {@code date}, {@code name} or {@code wording}
   * @param before the words in the parent
   * @param after the words in this version
   */
  public record Change(String kind, String before, String after) {}
}
