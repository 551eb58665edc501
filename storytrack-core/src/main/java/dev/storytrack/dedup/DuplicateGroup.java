package dev.storytrack.dedup;

import java.util.List;

/**
 * Documents that are exact or near duplicates of each other (transitively).
 *
 * @param representative id of the document to keep: the earliest by published time, else the first
 *     seen
 * @param representativeOrdinal its position in the input (0-based, counting every record read)
 * @param members the other documents, in input order
 */
public record DuplicateGroup(
    String representative, long representativeOrdinal, List<Member> members) {
  public DuplicateGroup {
    members = List.copyOf(members);
  }

  /**
   * One non-representative member.
   *
   * @param id the document id
   * @param ordinal its position in the input
   * @param similarity estimated Jaccard similarity to the representative (1.0 when the normalized
   *     texts are identical); may fall below the threshold when it joined the group through another
   *     member
   */
  public record Member(String id, long ordinal, double similarity) {}
}
