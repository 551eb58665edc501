package dev.storytrack.extract;

/**
 * A fixed set of lower-case ASCII phrases, with one scan to tell whether a text contains any of
 * them. Same answer as {@code indexOf} per phrase, but one pass over the text instead of one per
 * phrase: each position's three characters are looked up in a bit table of the phrases' first
 * three characters, and only on a hit are the phrases compared.
 */
final class Phrases {
  private static final int BITS = 1 << 15;

  private final String[] phrases;
  private final long[] firstTrigrams = new long[BITS / 64];

  Phrases(String... phrases) {
    this.phrases = phrases.clone();
    for (String p : phrases) {
      if (p.length() < 3) throw new IllegalArgumentException("phrase shorter than 3: " + p);
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c >= 0x80 || Character.isUpperCase(c)) {
          throw new IllegalArgumentException("not lower-case ASCII: " + p);
        }
      }
      int h = trigram(p.charAt(0), p.charAt(1), p.charAt(2));
      firstTrigrams[h >>> 6] |= 1L << h;
    }
  }

  /** Whether {@code s} contains one of the phrases. */
  boolean in(String s) {
    int n = s.length();
    if (n < 3) return false;
    // The trigram ending at i, rolled forward one character at a time.
    int h = (s.charAt(0) & 0x1f) << 5 | (s.charAt(1) & 0x1f);
    for (int i = 2; i < n; i++) {
      h = (h << 5 | (s.charAt(i) & 0x1f)) & (BITS - 1);
      if ((firstTrigrams[h >>> 6] & 1L << h) == 0) continue;
      for (String p : phrases) if (s.startsWith(p, i - 2)) return true;
    }
    return false;
  }

  private static int trigram(char a, char b, char c) {
    return ((a & 0x1f) << 10 | (b & 0x1f) << 5 | (c & 0x1f)) & (BITS - 1);
  }
}
