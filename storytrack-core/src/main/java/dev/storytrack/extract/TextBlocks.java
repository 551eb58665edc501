package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.List;

/** Plain text to blocks: blank-line separated paragraphs, hard-wrapped lines joined back. */
final class TextBlocks {
  private TextBlocks() {}

  /**
   * Character classes for the line scan: a plain space, a line break, anything else that whitespace
   * normalization would change (other {@link Normalize#isSpace} characters, zero-width space, BOM),
   * or 0 for a character that stays as it is; besides, {@link #NOT_FORM_C} for a character that
   * {@link Extractor#formCAsIs} does not vouch for.
   */
  private static final int SP = 1;

  private static final int ODD = 2;
  private static final int NL = 4;
  private static final int NOT_FORM_C = 8;
  private static final byte[] CLASS = new byte[0x10000];

  static {
    for (int c = 0; c < CLASS.length; c++) {
      char ch = (char) c;
      CLASS[c] =
          (byte)
              (ch == '\n' || ch == '\r'
                  ? NL
                  : ch == ' ' ? SP : Normalize.isSpace(ch) || Normalize.invisible(ch) ? ODD : 0);
      if (!Extractor.formCAsIs(ch)) CLASS[c] |= NOT_FORM_C;
    }
  }

  /**
   * The blocks of a text, and whether every character of the text is one that {@link
   * Extractor#formCAsIs} vouches for: then so is every text joined from the blocks (they hold the
   * text's characters and spaces), which is in form C without another check.
   */
  record Split(List<Block> blocks, boolean formC) {}

  static List<Block> split(String text) {
    return read(text).blocks();
  }

  /** {@link #split}, telling whether the text is in form C as it is (see {@link Split}). */
  static Split read(String text) {
    List<Block> out = new ArrayList<>();
    List<String> group = new ArrayList<>();
    // Word counts of the lines in group, counted while their whitespace is normalized.
    int[] groupWords = new int[16];
    int[] words = new int[1];
    int n = text.length();
    char[] cs = new char[n];
    text.getChars(0, n, cs, 0);
    int start = 0;
    int seen = 0; // the classes of all lines, OR-ed
    while (start <= n) {
      // One scan finds the line's end and whether the line is already normal (single ' ' between
      // words, none at either end, no other whitespace or invisible characters), as most lines
      // are; only other lines go through the general whitespace normalization. Branch-free but
      // for the line end: a space every few characters made a branch per character mispredict
      // about once a word, and this scan was the largest cost of cleaning.
      int end = start;
      int spaces = 0;
      int bad = 0;
      int prev = SP; // a space before the line: a leading space counts as a doubled one
      for (; end < n; end++) {
        int k = CLASS[cs[end]];
        if (k == NL) break;
        spaces += k & SP;
        bad |= k | ((k & prev) << 1); // SP << 1 == ODD: two spaces in a row
        prev = k;
      }
      seen |= bad;
      String line;
      if (end > start && (bad & ODD) == 0 && prev != SP) {
        line = new String(cs, start, end - start);
        words[0] = spaces + 1;
      } else {
        line = Normalize.whitespace(cs, start, end, words);
      }
      if (line.isEmpty()) {
        flush(group, groupWords, out);
      } else {
        if (group.size() == groupWords.length) {
          groupWords = java.util.Arrays.copyOf(groupWords, groupWords.length * 2);
        }
        groupWords[group.size()] = words[0];
        group.add(line);
      }
      if (end < n && cs[end] == '\r' && end + 1 < n && cs[end + 1] == '\n') end++;
      start = end + 1;
    }
    flush(group, groupWords, out);
    return new Split(out, (seen & NOT_FORM_C) == 0);
  }

  /**
   * A group of lines without blank lines between them is either one paragraph wrapped at a fixed
   * width (join the lines) or a run of separate short lines such as a widget list (keep each).
   * Wrapped lines are long and mostly do not end a sentence.
   */
  private static void flush(List<String> group, int[] words, List<Block> out) {
    if (group.isEmpty()) return;
    if (group.size() == 1) {
      out.add(Block.of(group.get(0), words[0]));
    } else if (wrapped(group)) {
      int sum = 0;
      for (int i = 0; i < group.size(); i++) sum += words[i];
      out.add(Block.of(String.join(" ", group), sum));
    } else {
      for (int i = 0; i < group.size(); i++) out.add(Block.of(group.get(i), words[i]));
    }
    group.clear();
  }

  private static boolean wrapped(List<String> lines) {
    int inner = lines.size() - 1;
    int longLines = 0;
    int ended = 0;
    int maxLen = 0;
    for (int i = 0; i < inner; i++) {
      String l = lines.get(i);
      maxLen = Math.max(maxLen, l.length());
      if (l.length() >= 40) longLines++;
      if (Normalize.endsSentence(l)) ended++;
    }
    return maxLen <= 160 && longLines * 5 >= inner * 4 && ended * 2 <= inner;
  }
}
