package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.List;

/** Plain text to blocks: blank-line separated paragraphs, hard-wrapped lines joined back. */
final class TextBlocks {
  private TextBlocks() {}

  static List<Block> split(String text) {
    List<Block> out = new ArrayList<>();
    List<String> group = new ArrayList<>();
    // Word counts of the lines in group, counted while their whitespace is normalized.
    int[] groupWords = new int[16];
    int[] words = new int[1];
    int n = text.length();
    char[] cs = new char[n];
    text.getChars(0, n, cs, 0);
    int start = 0;
    while (start <= n) {
      // One scan finds the line's end, its trimmed bounds and whether trimming is all it needs
      // (spaces inside it are single ' ', no invisible characters), as for most lines; only
      // other lines go through the general whitespace normalization.
      int end = start;
      int from = -1;
      int to = start;
      int spaces = 0; // space runs between non-space characters
      int run = 0; // spaces since the last non-space character
      boolean oddRun = false;
      boolean clean = true;
      for (; end < n; end++) {
        char c = cs[end];
        if (c > ' ' && c < 0x7F) {
          // printable ASCII: the common case, handled below
        } else if (c == '\n' || c == '\r') {
          break;
        } else if (Normalize.isSpace(c)) {
          if (from >= 0) {
            run++;
            oddRun |= c != ' ';
          }
          continue;
        } else if (c == '\u200B' || c == '\uFEFF') {
          clean = false;
        }
        if (run > 0) {
          spaces++;
          clean &= run == 1 && !oddRun;
          run = 0;
          oddRun = false;
        }
        if (from < 0) from = end;
        to = end + 1;
      }
      String line;
      if (from < 0) {
        line = "";
      } else if (clean) {
        line = new String(cs, from, to - from);
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
    return out;
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
