package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A fixed set of lower-case ASCII phrases, with one scan to tell whether a text contains any of
 * them. Same answer as {@code indexOf} per phrase, but one pass over the text instead of one per
 * phrase: each position's three characters are looked up in a bit table of the phrases' first three
 * characters, and only on a hit are the phrases starting with those characters compared.
 *
 * <p>Phrases may come in groups ({@link #grouped}): one scan then tells which groups occur, so
 * several lists a line is checked against cost one pass, not one each.
 */
final class Phrases {
  private static final int BITS = 1 << 15;

  private final long[] firstTrigrams = new long[BITS / 64];

  /** Trigram codes that start a phrase, sorted; for each, its phrases and their group bits. */
  private final int[] keys;

  private final String[][] byKey;
  private final int[][] groupsByKey;
  private final int allGroups;

  Phrases(String... phrases) {
    this(new String[][] {phrases});
  }

  private Phrases(String[][] groups) {
    if (groups.length > 31) throw new IllegalArgumentException("at most 31 groups");
    TreeMap<Integer, List<String>> phrases = new TreeMap<>();
    TreeMap<Integer, List<Integer>> bits = new TreeMap<>();
    int all = 0;
    for (int g = 0; g < groups.length; g++) {
      for (String p : groups[g]) {
        if (p.length() < 3) throw new IllegalArgumentException("phrase shorter than 3: " + p);
        for (int i = 0; i < p.length(); i++) {
          char c = p.charAt(i);
          if (c >= 0x80 || Character.isUpperCase(c)) {
            throw new IllegalArgumentException("not lower-case ASCII: " + p);
          }
        }
        int h = trigram(p.charAt(0), p.charAt(1), p.charAt(2));
        firstTrigrams[h >>> 6] |= 1L << h;
        phrases.computeIfAbsent(h, k -> new ArrayList<>()).add(p);
        bits.computeIfAbsent(h, k -> new ArrayList<>()).add(1 << g);
      }
      all |= 1 << g;
    }
    allGroups = all;
    keys = new int[phrases.size()];
    byKey = new String[keys.length][];
    groupsByKey = new int[keys.length][];
    int k = 0;
    for (Integer h : phrases.keySet()) {
      keys[k] = h;
      byKey[k] = phrases.get(h).toArray(new String[0]);
      groupsByKey[k] = bits.get(h).stream().mapToInt(Integer::intValue).toArray();
      k++;
    }
  }

  /** Phrase lists scanned together; {@link #groups} answers with bit {@code i} for list i. */
  static Phrases grouped(String[]... groups) {
    return new Phrases(groups);
  }

  /** Whether {@code s} contains one of the phrases. */
  boolean in(String s) {
    return scan(s, true) != 0;
  }

  /** The groups with a phrase in {@code s}: bit {@code i} set for group {@code i}. */
  int groups(String s) {
    return scan(s, false);
  }

  private int scan(String s, boolean any) {
    int n = s.length();
    if (n < 3) return 0;
    int found = 0;
    // The trigram ending at i, rolled forward one character at a time.
    int h = (s.charAt(0) & 0x1f) << 5 | (s.charAt(1) & 0x1f);
    for (int i = 2; i < n; i++) {
      h = (h << 5 | (s.charAt(i) & 0x1f)) & (BITS - 1);
      if ((firstTrigrams[h >>> 6] & 1L << h) == 0) continue;
      int k = Arrays.binarySearch(keys, h);
      String[] ps = byKey[k];
      for (int j = 0; j < ps.length; j++) {
        if ((found & groupsByKey[k][j]) == 0 && s.startsWith(ps[j], i - 2)) {
          found |= groupsByKey[k][j];
          if (any || found == allGroups) return found;
        }
      }
    }
    return found;
  }

  private static int trigram(char a, char b, char c) {
    return ((a & 0x1f) << 10 | (b & 0x1f) << 5 | (c & 0x1f)) & (BITS - 1);
  }
}
