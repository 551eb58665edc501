package dev.storytrack.extract;

/**
 * The one word splitter of extraction. Two readings of a text, one scan each:
 *
 * <ul>
 *   <li>{@link #count} and {@link #spaced}: words as a reader counts them, the runs of characters
 *       between spaces and line breaks (a normalized line, or paragraphs). Lengths, prose tests and
 *       word-count limits use these.
 *   <li>{@link #lettered}: words as the vocabularies hold them, runs of letters (apostrophes
 *       inside), a possessive {@code 's} dropped, with numbers (digits with their {@code ,} and
 *       {@code .}) reported apart and punctuation skipped: "Share this on Facebook!" is share,
 *       this, on, facebook.
 * </ul>
 */
final class Words {
  private Words() {}

  /** Receives words; returning false stops the scan. */
  interface Sink {
    /** A word: {@code s.substring(start, end)}. */
    boolean word(String s, int start, int end);

    /** A number ({@link #lettered} only). */
    default boolean number() {
      return true;
    }
  }

  /** Words of {@code s} split by spaces and line breaks. */
  static int count(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean sp = s.charAt(i) <= ' ';
      if (!sp && !in) n++;
      in = !sp;
    }
    return n;
  }

  /** Each word of {@code s} split by spaces and line breaks; false when the sink stopped. */
  static boolean spaced(String s, Sink sink) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && s.charAt(i) <= ' ') i++;
      if (i == n) break;
      int j = i;
      while (j < n && s.charAt(j) > ' ') j++;
      if (!sink.word(s, i, j)) return false;
      i = j;
    }
    return true;
  }

  /** Each letter word and number of {@code s}, in order; false when the sink stopped. */
  static boolean lettered(String s, Sink sink) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '\'')) j++;
        int end = j - i >= 2 && s.charAt(j - 2) == '\'' && s.charAt(j - 1) == 's' ? j - 2 : j;
        if (!sink.word(s, i, end)) return false;
        i = j;
      } else if (Character.isDigit(c)) {
        while (i < n
            && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ',' || s.charAt(i) == '.')) {
          i++;
        }
        if (!sink.number()) return false;
      } else {
        i++;
      }
    }
    return true;
  }
}
