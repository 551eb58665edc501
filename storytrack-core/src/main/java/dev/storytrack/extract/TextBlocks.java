package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.List;

/** Plain text to blocks: blank-line separated paragraphs, hard-wrapped lines joined back. */
final class TextBlocks {
  private TextBlocks() {}

  static List<Block> split(String text) {
    List<Block> out = new ArrayList<>();
    List<String> group = new ArrayList<>();
    int n = text.length();
    int start = 0;
    while (start <= n) {
      int end = start;
      while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
      String line = Normalize.whitespace(text, start, end);
      if (line.isEmpty()) {
        flush(group, out);
      } else {
        group.add(line);
      }
      if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') end++;
      start = end + 1;
    }
    flush(group, out);
    return out;
  }

  /**
   * A group of lines without blank lines between them is either one paragraph wrapped at a fixed
   * width (join the lines) or a run of separate short lines such as a widget list (keep each).
   * Wrapped lines are long and mostly do not end a sentence.
   */
  private static void flush(List<String> group, List<Block> out) {
    if (group.isEmpty()) return;
    if (group.size() == 1) {
      out.add(Block.of(group.get(0)));
    } else if (wrapped(group)) {
      out.add(Block.of(String.join(" ", group)));
    } else {
      for (String line : group) out.add(Block.of(line));
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
