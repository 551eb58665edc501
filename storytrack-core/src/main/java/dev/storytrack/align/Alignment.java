package dev.storytrack.align;

import java.util.List;

/**
 * What two texts share.
 *
 * @param passages shared passages, in the order they appear in A
 * @param variants word-choice differences inside the passages, in the order they appear in A
 * @param aWords words in A
 * @param bWords words in B
 * @param aSharedWords words of A inside a shared passage
 * @param bSharedWords words of B inside a shared passage
 * @param matchedWords words matched one to one inside the passages (equal in both texts: the shared
 *     words less the edits in the passages' gaps)
 */
public record Alignment(
    List<Passage> passages,
    List<Variant> variants,
    int aWords,
    int bWords,
    int aSharedWords,
    int bSharedWords,
    int matchedWords) {
  public Alignment {
    passages = List.copyOf(passages);
    variants = List.copyOf(variants);
  }

  /** Share of A's words that lie in passages shared with B, 0..1. */
  public double aShare() {
    return aWords == 0 ? 0 : (double) aSharedWords / aWords;
  }

  /** Share of B's words that lie in passages shared with A, 0..1. */
  public double bShare() {
    return bWords == 0 ? 0 : (double) bSharedWords / bWords;
  }

  /**
   * Words either text has that the other does not match: an edit distance in words (insertions,
   * deletions and replacements), 0 for equal texts.
   */
  public int unmatchedWords() {
    return aWords + bWords - 2 * matchedWords;
  }

  /**
   * Containment at or above which one text is taken to derive from the other (or both from one
   * source): a fifth of one text reused as long passages. Independent reports of one event share a
   * few percent (stock phrases, the odd short quote); copies and rewrites share far more. A round
   * number between those two regimes, not a fit to any pair of examples.
   */
  public static final double REUSE_THRESHOLD = 0.2;

  /** The larger of the two shares: how much of the more-reused text comes from the other. */
  public double containment() {
    return Math.max(aShare(), bShare());
  }
}
