package dev.storytrack.extract;

import java.util.Locale;

/** Small, allocation-light string helpers shared by the text and HTML paths. */
final class Normalize {
  private Normalize() {}

  static boolean isSpace(char c) {
    if (c > ' ' && c < 0x7F) return false;
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\f'
        || c == '\u00A0'
        || c == '\u2007'
        || c == '\u202F'
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u3000'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u000B'
        // Other control characters (binary-looking input) count as space, not as text.
        || (c < 0x20)
        || c == 0x7F;
  }

  /** Collapses whitespace runs in {@code s[start, end)} to one space and trims. */
  static String whitespace(CharSequence s, int start, int end) {
    int from = start;
    while (from < end && isSpace(s.charAt(from))) from++;
    int to = end;
    while (to > from && isSpace(s.charAt(to - 1))) to--;
    // First pass: most lines need no change and come back as a plain substring.
    boolean clean = true;
    for (int i = from; i < to && clean; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        clean = s.charAt(i + 1) != ' ' && !isSpace(s.charAt(i + 1));
      } else if (c < 0x21
          || c == 0x7F
          || c == '\u00A0'
          || c == '\u00AD'
          || c >= '\u2000' && isOdd(c)) {
        clean = false;
      }
    }
    if (clean) return s.subSequence(from, to).toString();
    char[] out = new char[to - from];
    int n = 0;
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (invisible(c)) continue;
      if (isSpace(c)) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && n > 0) out[n++] = ' ';
      pendingSpace = false;
      out[n++] = c;
    }
    return new String(out, 0, n);
  }

  /**
   * {@link #whitespace(CharSequence, int, int)} over a char array (the plain-text path reads the
   * whole text into one array, which is cheaper than {@code charAt} on a UTF-16 string), also
   * storing {@code words(result)} in {@code words[0]}: the result has single spaces only, so its
   * word count is its space count plus one, counted during the same scan.
   */
  static String whitespace(char[] s, int start, int end, int[] words) {
    int from = start;
    while (from < end && isSpace(s[from])) from++;
    int to = end;
    while (to > from && isSpace(s[to - 1])) to--;
    if (from == to) {
      words[0] = 0;
      return "";
    }
    boolean clean = true;
    int spaces = 0;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c > ' ' && c < 0x7F) continue; // the common case: printable ASCII
      if (c == ' ') {
        spaces++;
        if (isSpace(s[i + 1])) { // never past the end: s[to - 1] is no space
          clean = false;
          break;
        }
      } else if (c < 0x21
          || c == 0x7F
          || c == '\u00A0'
          || c == '\u00AD'
          || c >= '\u2000' && isOdd(c)) {
        clean = false;
        break;
      }
    }
    if (clean) {
      words[0] = spaces + 1;
      return new String(s, from, to - from);
    }
    char[] out = new char[to - from];
    int n = 0;
    spaces = 0;
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (invisible(c)) continue;
      if (isSpace(c)) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && n > 0) {
        out[n++] = ' ';
        spaces++;
      }
      pendingSpace = false;
      out[n++] = c;
    }
    words[0] = n == 0 ? 0 : spaces + 1;
    return new String(out, 0, n);
  }

  /**
   * Characters the cleaned text leaves out: zero-width space, BOM and soft hyphen (a hint where a
   * word may break: "Mittelalter" written with three of them is still one word). ZWJ and ZWNJ stay:
   * they carry meaning in some scripts.
   */
  static boolean invisible(char c) {
    return c == '\u200B' || c == '\uFEFF' || c == '\u00AD';
  }

  private static boolean isOdd(char c) {
    return isSpace(c) || invisible(c);
  }

  static String whitespace(String s) {
    return whitespace(s, 0, s.length());
  }

  /** Index just past the last character that is not a closing quote, bracket or space. */
  static int contentEnd(String s) {
    int i = s.length();
    while (i > 0) {
      char c = s.charAt(i - 1);
      if (c == '"'
          || c == '\''
          || c == '\u201D'
          || c == '\u2019'
          || c == '\u00BB'
          || c == ')'
          || c == ' '
          || c == '*'
          || c == '\u300D'
          || c == '\u300F'
          || c == '\uFF09') {
        i--;
      } else {
        break;
      }
    }
    return i;
  }

  /** Whether {@code s} ends like a sentence (terminal punctuation, maybe inside quotes). */
  static boolean endsSentence(String s) {
    int i = contentEnd(s);
    if (i == 0) return false;
    char c = s.charAt(i - 1);
    return c == '.'
        || c == '!'
        || c == '?'
        || c == '\u2026'
        || c == ';'
        // CJK full stop and full-width marks, Arabic question mark, Devanagari danda.
        || c == '\u3002'
        || c == '\uFF01'
        || c == '\uFF1F'
        || c == '\uFF0E'
        || c == '\u061F'
        || c == '\u0964';
  }

  static boolean endsWith(String s, char want) {
    int i = contentEnd(s);
    return i > 0 && s.charAt(i - 1) == want;
  }

  /** Lower-case letters and digits only, for loose equality of titles. */
  static String key(String s) {
    // Fast path for text whose letters and digits are all ASCII, where lower-casing char by char
    // is what String.toLowerCase does; any other letter takes the general path below.
    int n = s.length();
    char[] out = new char[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        out[k++] = c;
      } else if (c >= 'A' && c <= 'Z') {
        out[k++] = (char) (c + 32);
      } else if (c >= 0x80 && Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
        return keyGeneral(s);
      }
    }
    return new String(out, 0, k);
  }

  /**
   * Whether {@code key(s)} is surely longer than {@code max} characters: {@code s} has more ASCII
   * letters and digits, each of which is one character of the key (lower-casing maps each to one
   * ASCII character; nothing else is removed from the key but non-letters). Stops after {@code max
   * + 1} of them, so a long paragraph costs no more than a title to tell from one.
   */
  static boolean keyLongerThan(String s, int max) {
    int k = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9') {
        if (++k > max) return true;
      }
    }
    return false;
  }

  /** {@link #key} without the ASCII fast path (package-private for the test that compares them). */
  static String keyGeneral(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) sb.append(c);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
