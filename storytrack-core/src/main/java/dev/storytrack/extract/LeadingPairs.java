package dev.storytrack.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An anchored pattern ({@code lookingAt}) with an exact fast reject: which pairs of printable ASCII
 * characters can start a match. Most lines start with a pair that no rule can start with, and then
 * the regex engine (a matcher allocation plus one try per alternative, around a microsecond) is
 * skipped. The table is computed from the pattern itself, not written by hand: a pair is possible
 * when {@code lookingAt} matches it or hits the end of the input ({@link Matcher#hitEnd}), i.e.
 * when more input could make it match. Lines starting with any other character go to the regex as
 * before, so the answer is always the regex's own.
 */
final class LeadingPairs {
  private static final char FIRST = ' ';
  private static final char LAST = '~';
  private static final int SPAN = LAST - FIRST + 1;

  private final Pattern pattern;
  private final boolean[] possible = new boolean[SPAN * SPAN];

  LeadingPairs(Pattern pattern) {
    this.pattern = pattern;
    char[] pair = new char[2];
    for (char a = FIRST; a <= LAST; a++) {
      for (char b = FIRST; b <= LAST; b++) {
        pair[0] = a;
        pair[1] = b;
        Matcher m = pattern.matcher(new String(pair));
        possible[(a - FIRST) * SPAN + (b - FIRST)] = m.lookingAt() || m.hitEnd();
      }
    }
  }

  Pattern pattern() {
    return pattern;
  }

  /** {@code pattern.matcher(s).lookingAt()}. */
  boolean lookingAt(String s) {
    return mayStart(s) && pattern.matcher(s).lookingAt();
  }

  /** False only when no match can start at the beginning of {@code s}. */
  boolean mayStart(String s) {
    if (s.length() < 2) return true;
    int a = s.charAt(0) - FIRST;
    int b = s.charAt(1) - FIRST;
    if (a < 0 || a >= SPAN || b < 0 || b >= SPAN) return true;
    return possible[a * SPAN + b];
  }
}
