package dev.storytrack.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Spans of text in double quotation marks, straight or curly. Single marks are left alone: in
 * American copy they nest inside double ones or mark headline scare quotes, and as apostrophes they
 * would pair wrongly. A quote still open at a paragraph's end runs to that end (the journalistic
 * convention for a quote that goes on in the next paragraph).
 */
final class QuoteMarks {
  private QuoteMarks() {}

  /**
   * One quoted span.
   *
   * @param open offset of the opening mark
   * @param close offset of the closing mark, or of the paragraph's end when unclosed
   * @param closed whether a closing mark was found
   */
  public record Span(int open, int close, boolean closed) {
    /** Offset of the first quoted character. */
    public int innerStart() {
      return open + 1;
    }

    /** Offset after the span including its closing mark. */
    public int outerEnd() {
      return closed ? close + 1 : close;
    }
  }

  /** The quoted spans of {@code text}, in order, never overlapping. */
  public static List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    int open = -1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (open >= 0) {
          int end = i;
          while (end > open + 1 && Character.isWhitespace(text.charAt(end - 1))) end--;
          if (end > open + 1) out.add(new Span(open, end, false));
          open = -1;
        }
      } else if (c == '“' || c == '„') {
        // A second opening mark before a close means the first was never closed in this sentence;
        // restart from the later one rather than pair across.
        if (open >= 0 && isClosingShape(text, i)) {
          out.add(new Span(open, i, true));
          open = -1;
        } else {
          open = i;
        }
      } else if (c == '”') {
        if (open >= 0) {
          out.add(new Span(open, i, true));
          open = -1;
        }
      } else if (c == '"') {
        if (open < 0) {
          open = i;
        } else {
          out.add(new Span(open, i, true));
          open = -1;
        }
      }
    }
    if (open >= 0 && open + 1 < n) {
      int end = n;
      while (end > open + 1 && Character.isWhitespace(text.charAt(end - 1))) end--;
      if (end > open + 1) out.add(new Span(open, end, false));
    }
    return out;
  }

  /**
   * {@code text} with each doubled single mark ({@code ''}, the New York Times' quotation mark)
   * turned into one straight double mark and a space, so that offsets stay those of {@code text}:
   * an opening pair before a word becomes a space then the mark, a closing pair the mark then a
   * space. A third mark in the run (a nested quote's end) stays a single mark.
   */
  public static String doubledSinglesAsDouble(String text) {
    int at = text.indexOf("''");
    if (at < 0) return text;
    char[] c = text.toCharArray();
    int n = c.length;
    for (int i = at; i < n - 1; i++) {
      if (c[i] != '\'' || c[i + 1] != '\'') continue;
      int runEnd = i;
      while (runEnd < n && c[runEnd] == '\'') runEnd++;
      boolean spaceBefore = i == 0 || Character.isWhitespace(c[i - 1]) || c[i - 1] == '(';
      boolean wordAfter =
          runEnd < n && !Character.isWhitespace(c[runEnd]) && ".,;:!?)".indexOf(c[runEnd]) < 0;
      if (spaceBefore && wordAfter) {
        c[i] = ' ';
        c[i + 1] = '"';
      } else {
        c[runEnd - 2] = '"';
        c[runEnd - 1] = ' ';
      }
      i = runEnd - 1;
    }
    return new String(c);
  }

  /** A mark typed as opening but standing after a word and before a space/punctuation closes. */
  private static boolean isClosingShape(String text, int i) {
    boolean afterWord = i > 0 && !Character.isWhitespace(text.charAt(i - 1));
    boolean beforeGap = i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
    return afterWord && beforeGap;
  }
}
