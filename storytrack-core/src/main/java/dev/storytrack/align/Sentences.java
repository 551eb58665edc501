package dev.storytrack.align;

import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of a text that another text lacks: those with (almost) none of their words inside
 * the passages the two share. A sentence lacks when at most {@value #MAX_SHARED} of its words are
 * shared (a new sentence may still hold a stock phrase found elsewhere, such as an agency's name);
 * consecutive lacking sentences merge into one segment. Sentences come from the JDK's English
 * {@link BreakIterator}, within lines (cleaned texts have one paragraph per line).
 */
public final class Sentences {
  /** Largest share of a sentence's words that may lie in shared passages for it to lack. */
  public static final double MAX_SHARED = 0.25;

  private Sentences() {}

  /** The segments of A that B lacks, given their alignment. */
  public static List<Segment> onlyInA(String a, Alignment al) {
    return onlyInA(a, Tokens.of(a), al);
  }

  /** As {@link #onlyInA(String, Alignment)}, with A's tokens given. */
  public static List<Segment> onlyInA(String a, List<Token> tokens, Alignment al) {
    List<int[]> ranges = new ArrayList<>();
    for (Passage p : al.passages()) ranges.add(new int[] {p.aStart(), p.aEnd()});
    return lacking(a, tokens, ranges);
  }

  /** The segments of B that A lacks, given their alignment. */
  public static List<Segment> onlyInB(String b, Alignment al) {
    List<int[]> ranges = new ArrayList<>();
    for (Passage p : al.passages()) ranges.add(new int[] {p.bStart(), p.bEnd()});
    return lacking(b, ranges);
  }

  /**
   * The segments of {@code text} whose sentences have at most {@link #MAX_SHARED} of their words
   * inside {@code shared} (char ranges {@code [start, end)}).
   */
  public static List<Segment> lacking(String text, List<int[]> shared) {
    return lacking(text, Tokens.of(text), shared);
  }

  /** As {@link #lacking(String, List)}, with the text's tokens ({@link Tokens#of}) given. */
  public static List<Segment> lacking(String text, List<Token> tokens, List<int[]> shared) {
    boolean[] in = new boolean[text.length() + 1];
    for (int[] r : shared) {
      for (int i = Math.max(0, r[0]); i < Math.min(text.length(), r[1]); i++) in[i] = true;
    }
    List<int[]> sentences = sentences(text);
    List<Segment> out = new ArrayList<>();
    int t = 0;
    int openStart = -1;
    int openEnd = -1;
    for (int[] s : sentences) {
      int words = 0;
      int covered = 0;
      while (t < tokens.size() && tokens.get(t).start() < s[1]) {
        if (tokens.get(t).start() >= s[0]) {
          words++;
          if (in[tokens.get(t).start()]) covered++;
        }
        t++;
      }
      if (words == 0) continue; // punctuation or whitespace only: neither lacks nor breaks a run
      if (covered <= MAX_SHARED * words) {
        if (openStart < 0) openStart = s[0];
        openEnd = s[1];
      } else if (openStart >= 0) {
        out.add(segment(text, openStart, openEnd));
        openStart = -1;
      }
    }
    if (openStart >= 0) out.add(segment(text, openStart, openEnd));
    return out;
  }

  private static Segment segment(String text, int start, int end) {
    return new Segment(text.substring(start, end), start, end);
  }

  /** Sentence spans {@code [start, end)}, trimmed of surrounding whitespace, in text order. */
  static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      String line = text.substring(lineStart, lineEnd);
      it.setText(line);
      for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
        int from = s;
        int to = e;
        while (from < to && Character.isWhitespace(line.charAt(from))) from++;
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) to--;
        if (to > from) out.add(new int[] {lineStart + from, lineStart + to});
      }
      if (nl < 0) break;
      lineStart = nl + 1;
    }
    return out;
  }
}
