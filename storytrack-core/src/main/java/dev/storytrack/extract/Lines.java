package dev.storytrack.extract;

import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The blocks the line rules judge and the reason each has been given so far (null: kept), with what
 * the rules ask of a block computed once ({@link #lower}, {@link #prose}, {@link #commentHeader}).
 * Either the whole page or the view of the article's blocks ({@link #article}), which shares the
 * page's reasons: a rule over the article's blocks sees them in order without the text outside the
 * main content between them.
 */
final class Lines {
  private final List<Block> blocks;
  private final Removed.Reason[] reasons;

  /** Position in the page of each block of this view; null for the page itself. */
  private final int[] at;

  private final Shared shared;

  /** What both views share: the titles, the kind of input and the features of each block. */
  private record Shared(
      Collection<String> titleKeys,
      boolean linksKnown,
      String[] lower,
      boolean[] lowerDone,
      byte[] prose,
      byte[] shortSentence,
      byte[] header) {}

  /** All of the page's blocks, each with the reason the HTML pass gave it, if any. */
  Lines(List<Block> blocks, Collection<String> titleKeys, boolean linksKnown) {
    int n = blocks.size();
    this.blocks = blocks;
    this.reasons = new Removed.Reason[n];
    for (int i = 0; i < n; i++) reasons[i] = blocks.get(i).removedAs();
    this.at = null;
    this.shared =
        new Shared(
            titleKeys,
            linksKnown,
            new String[n],
            new boolean[n],
            new byte[n],
            new byte[n],
            new byte[n]);
  }

  private Lines(Lines page, int[] at) {
    this.blocks = page.blocks;
    this.reasons = page.reasons;
    this.at = at;
    this.shared = page.shared;
  }

  /** The article's blocks: all but the text the HTML pass found outside the main content. */
  Lines article() {
    List<Integer> inside = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      if (!Reason.OUTSIDE.equals(blocks.get(i).removedAs())) inside.add(i);
    }
    // A plain text has nothing outside: the article is the page.
    if (inside.size() == blocks.size()) return this;
    int[] idx = new int[inside.size()];
    for (int i = 0; i < idx.length; i++) idx[i] = inside.get(i);
    return new Lines(this, idx);
  }

  private int page(int i) {
    return at == null ? i : at[i];
  }

  /** Position in the page of block {@code i} of this view. */
  int pageIndex(int i) {
    return page(i);
  }

  /** How many blocks the page has (this view may show fewer). */
  int pageSize() {
    return blocks.size();
  }

  int size() {
    return at == null ? blocks.size() : at.length;
  }

  Block block(int i) {
    return blocks.get(page(i));
  }

  String text(int i) {
    return block(i).text();
  }

  int words(int i) {
    return block(i).words();
  }

  /** The reason block {@code i} is removed for, or null while it is kept. */
  Removed.Reason reason(int i) {
    return reasons[page(i)];
  }

  boolean kept(int i) {
    return reasons[page(i)] == null;
  }

  /** Removes block {@code i} for {@code reason}, or keeps it with null. */
  void set(int i, Removed.Reason reason) {
    reasons[page(i)] = reason;
  }

  /** Headline candidates, as {@link Normalize#key} keys. */
  Collection<String> titleKeys() {
    return shared.titleKeys;
  }

  /** Whether blocks carry link information (HTML), see {@link LineRules}. */
  boolean linksKnown() {
    return shared.linksKnown;
  }

  /**
   * The block lower-cased when it is short enough to be chrome (at most {@link LineShapes#SHORT}
   * characters and {@link LineShapes#MAX_CHROME_WORDS} words), else null: longer blocks are only
   * checked for a trailing caption credit.
   */
  String lower(int i) {
    int p = page(i);
    if (!shared.lowerDone[p]) {
      String t = blocks.get(p).text();
      shared.lower[p] =
          t.length() <= LineShapes.SHORT && blocks.get(p).words() <= LineShapes.MAX_CHROME_WORDS
              ? Vocab.lower(t)
              : null;
      shared.lowerDone[p] = true;
    }
    return shared.lower[p];
  }

  /** Whether the block reads as prose ({@link LineShapes#isSentence}). */
  boolean prose(int i) {
    int p = page(i);
    if (shared.prose[p] == 0) {
      Block b = blocks.get(p);
      shared.prose[p] = (byte) (LineShapes.isSentence(b.text(), b.words()) ? 2 : 1);
    }
    return shared.prose[p] == 2;
  }

  /** Whether the block is a short sentence ({@link LineShapes#shortSentence}). */
  boolean shortSentence(int i) {
    int p = page(i);
    if (shared.shortSentence[p] == 0) {
      Block b = blocks.get(p);
      boolean s = LineShapes.shortSentence(b.text(), lower(i), b.words());
      shared.shortSentence[p] = (byte) (s ? 2 : 1);
    }
    return shared.shortSentence[p] == 2;
  }

  /**
   * A comment-section header ({@link LineShapes#commentHeader}): 0 no, 1 a header, 2 a header with
   * a count. Only a line short enough for a header (any line of at most 120 characters, or one of
   * at most {@link LineShapes#SHORT} that is no prose) is asked.
   */
  int commentHeader(int i) {
    int p = page(i);
    if (shared.header[p] == 0) {
      String t = blocks.get(p).text();
      int h =
          t.length() <= LineShapes.SHORT && !prose(i) || t.length() <= 120
              ? LineShapes.commentHeader(lower(i))
              : 0;
      shared.header[p] = (byte) (h + 1);
    }
    return shared.header[p] - 1;
  }
}
