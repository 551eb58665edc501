package dev.storytrack.align;

import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the passages two texts share and the variants inside them.
 *
 * <p>Hand-written because it is the product: no library aligns two news texts this way. The method,
 * in four steps:
 *
 * <ol>
 *   <li><b>Seeds.</b> Every {@code seed}-word sequence of B (with at least one content word) is
 *       indexed; each one A shares is a match, extended both ways to a maximal exact run. Seeds are
 *       found by hashing, so order does not matter: reordered paragraphs align as well.
 *   <li><b>One-to-one.</b> Runs are taken longest first; a run may only use words of A and B that
 *       no longer run has taken (so repeated phrases align once, to their best partner).
 *   <li><b>Chaining.</b> Runs that follow each other in both texts with at most {@code maxGap}
 *       words between them join one passage: the gap is a small edit (a word replaced, inserted or
 *       deleted). Passages with fewer than {@code minWords} matched words are dropped.
 *   <li><b>Variants.</b> Each gap is diffed word by word (LCS); a replaced stretch whose content
 *       words differ (ignoring function words, plural/possessive forms and hyphenation) is a
 *       variant, with a kind ({@link VariantKinds}). Pure insertions and deletions are not: they
 *       add or drop, they do not rename.
 * </ol>
 *
 * Instances are immutable and thread-safe.
 */
public final class Aligner {
  private static final int MAX_SEED_OCCURRENCES = 64;
  private static final int MAX_VARIANT_WORDS = 5;

  private final int seed;
  private final int maxGap;
  private final int minWords;

  private Aligner(int seed, int maxGap, int minWords) {
    if (seed < 1 || maxGap < 0 || minWords < seed) {
      throw new IllegalArgumentException("need seed >= 1, maxGap >= 0, minWords >= seed");
    }
    this.seed = seed;
    this.maxGap = maxGap;
    this.minWords = minWords;
  }

  /** Seeds of 3 words, gaps of up to 8 words, passages of at least 5 matched words. */
  public static Aligner defaults() {
    return new Aligner(3, 8, 5);
  }

  public static Aligner of(int seedWords, int maxGapWords, int minPassageWords) {
    return new Aligner(seedWords, maxGapWords, minPassageWords);
  }

  public Alignment align(String a, String b) {
    return align(a, Tokens.of(a), b, Tokens.of(b));
  }

  /**
   * As {@link #align(String, String)}, with each text's tokens ({@link Tokens#of}) given: for
   * callers that align one text with many others and tokenize it once.
   */
  public Alignment align(String a, List<Token> ta, String b, List<Token> tb) {
    String[] wa = terms(ta);
    String[] wb = terms(tb);

    List<Run> runs = oneToOne(maximalRuns(wa, wb), wa, wa.length, wb.length);
    List<List<Run>> chains = chain(runs, wa.length, wb.length);

    List<Passage> passages = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    boolean[] inA = new boolean[wa.length];
    boolean[] inB = new boolean[wb.length];
    int matchedWords = 0;
    for (List<Run> chain : chains) {
      int matched = chain.stream().mapToInt(r -> r.len).sum();
      if (matched < minWords) continue;
      matchedWords += matched;
      Run first = chain.get(0);
      Run last = chain.get(chain.size() - 1);
      int aS = ta.get(first.a).start();
      int aE = ta.get(last.a + last.len - 1).end();
      int bS = tb.get(first.b).start();
      int bE = tb.get(last.b + last.len - 1).end();
      Arrays.fill(inA, first.a, last.a + last.len, true);
      Arrays.fill(inB, first.b, last.b + last.len, true);
      passages.add(new Passage(aS, aE, bS, bE, last.a + last.len - first.a, a.substring(aS, aE)));
      for (int k = 1; k < chain.size(); k++) {
        Run p = chain.get(k - 1);
        Run r = chain.get(k);
        gapVariants(a, b, ta, tb, wa, wb, p.a + p.len, r.a, p.b + p.len, r.b, variants);
      }
    }
    passages.sort(Comparator.comparingInt(Passage::aStart));
    variants.sort(Comparator.comparingInt(Variant::aStart));
    return new Alignment(
        passages, variants, wa.length, wb.length, count(inA), count(inB), matchedWords);
  }

  private static String[] terms(List<Token> tokens) {
    String[] out = new String[tokens.size()];
    for (int i = 0; i < out.length; i++) out[i] = tokens.get(i).term();
    return out;
  }

  /** An exact run of {@code len} equal words at A[a..] and B[b..]. */
  private record Run(int a, int b, int len) {}

  private List<Run> maximalRuns(String[] wa, String[] wb) {
    Map<String, List<Integer>> index = new HashMap<>();
    for (int j = 0; j + seed <= wb.length; j++) {
      if (hasContentWord(wb, j)) index.computeIfAbsent(key(wb, j), x -> new ArrayList<>()).add(j);
    }
    List<Run> runs = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i + seed <= wa.length; i++) {
      if (!hasContentWord(wa, i)) continue;
      List<Integer> at = index.get(key(wa, i));
      // A seed that occurs very often is boilerplate-like and says nothing about alignment.
      if (at == null || at.size() > MAX_SEED_OCCURRENCES) continue;
      for (int j : at) {
        int s = 0;
        while (i - s > 0 && j - s > 0 && wa[i - s - 1].equals(wb[j - s - 1])) s++;
        if (!seen.add(((long) (i - s) << 32) | (j - s))) continue;
        int e = seed;
        while (i + e < wa.length && j + e < wb.length && wa[i + e].equals(wb[j + e])) e++;
        runs.add(new Run(i - s, j - s, s + e));
      }
    }
    return runs;
  }

  private boolean hasContentWord(String[] w, int from) {
    for (int k = from; k < from + seed; k++) if (!Tokens.isFunctionWord(w[k])) return true;
    return false;
  }

  private String key(String[] w, int from) {
    return String.join(" ", Arrays.asList(w).subList(from, from + seed));
  }

  private List<Run> oneToOne(List<Run> runs, String[] wa, int n, int m) {
    runs.sort(
        Comparator.comparingInt((Run r) -> -r.len)
            .thenComparingInt(r -> r.a)
            .thenComparingInt(r -> r.b));
    boolean[] usedA = new boolean[n];
    boolean[] usedB = new boolean[m];
    List<Run> out = new ArrayList<>();
    for (Run r : runs) {
      // The longest stretch of this run whose words are still free on both sides.
      int bestStart = -1;
      int bestLen = 0;
      int start = 0;
      for (int t = 0; t <= r.len; t++) {
        boolean free = t < r.len && !usedA[r.a + t] && !usedB[r.b + t];
        if (!free) {
          if (t - start > bestLen) {
            bestLen = t - start;
            bestStart = start;
          }
          start = t + 1;
        }
      }
      if (bestLen < seed || !hasContentWordIn(wa, r.a + bestStart, bestLen)) continue;
      Run kept = new Run(r.a + bestStart, r.b + bestStart, bestLen);
      Arrays.fill(usedA, kept.a, kept.a + kept.len, true);
      Arrays.fill(usedB, kept.b, kept.b + kept.len, true);
      out.add(kept);
    }
    return out;
  }

  private static boolean hasContentWordIn(String[] w, int from, int len) {
    for (int k = from; k < from + len; k++) if (!Tokens.isFunctionWord(w[k])) return true;
    return false;
  }

  private List<List<Run>> chain(List<Run> runs, int n, int m) {
    // A gap may hold edits, not another run's words: those belong to their own passage.
    boolean[] runA = new boolean[n];
    boolean[] runB = new boolean[m];
    for (Run r : runs) {
      Arrays.fill(runA, r.a, r.a + r.len, true);
      Arrays.fill(runB, r.b, r.b + r.len, true);
    }
    runs.sort(Comparator.comparingInt((Run r) -> r.a).thenComparingInt(r -> r.b));
    List<List<Run>> chains = new ArrayList<>();
    for (Run r : runs) {
      List<Run> best = null;
      int bestGap = Integer.MAX_VALUE;
      for (List<Run> c : chains) {
        Run last = c.get(c.size() - 1);
        int gapA = r.a - (last.a + last.len);
        int gapB = r.b - (last.b + last.len);
        if (gapA < 0 || gapB < 0 || gapA > maxGap || gapB > maxGap) continue;
        if (any(runA, last.a + last.len, r.a) || any(runB, last.b + last.len, r.b)) continue;
        if (gapA + gapB < bestGap) {
          bestGap = gapA + gapB;
          best = c;
        }
      }
      if (best == null) {
        best = new ArrayList<>();
        chains.add(best);
      }
      best.add(r);
    }
    return chains;
  }

  private static boolean any(boolean[] flags, int from, int to) {
    for (int i = from; i < to; i++) if (flags[i]) return true;
    return false;
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) if (f) n++;
    return n;
  }

  /** Diffs the gap A[a0,a1) vs B[b0,b1) word by word and adds the replaced stretches. */
  private static void gapVariants(
      String a,
      String b,
      List<Token> ta,
      List<Token> tb,
      String[] wa,
      String[] wb,
      int a0,
      int a1,
      int b0,
      int b1,
      List<Variant> out) {
    int n = a1 - a0;
    int m = b1 - b0;
    if (n == 0 || m == 0) return;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            wa[a0 + i].equals(wb[b0 + j])
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    int ri = 0;
    int rj = 0;
    while (i < n || j < m) {
      if (i < n && j < m && wa[a0 + i].equals(wb[b0 + j])) {
        replaced(a, b, ta, tb, wa, wb, a0 + ri, a0 + i, b0 + rj, b0 + j, out);
        i++;
        j++;
        ri = i;
        rj = j;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        j++;
      } else {
        i++;
      }
    }
    replaced(a, b, ta, tb, wa, wb, a0 + ri, a0 + n, b0 + rj, b0 + m, out);
  }

  private static void replaced(
      String a,
      String b,
      List<Token> ta,
      List<Token> tb,
      String[] wa,
      String[] wb,
      int a0,
      int a1,
      int b0,
      int b1,
      List<Variant> out) {
    if (a1 <= a0 || b1 <= b0) return; // an insertion or deletion, not a variant
    if (a1 - a0 > MAX_VARIANT_WORDS || b1 - b0 > MAX_VARIANT_WORDS) return;
    List<String> ca = contentStems(wa, a0, a1);
    List<String> cb = contentStems(wb, b0, b1);
    if (ca.equals(cb)) return; // only function words or inflection differ
    if (joined(wa, a0, a1).equals(joined(wb, b0, b1))) return; // co-ordination vs coordination
    String sa = balanced(a, ta.get(a0).start(), ta.get(a1 - 1).end());
    String sb = balanced(b, tb.get(b0).start(), tb.get(b1 - 1).end());
    String kind = VariantKinds.of(a, b, ta, tb, a0, a1, b0, b1);
    out.add(new Variant(sa, sb, ta.get(a0).start(), tb.get(b0).start(), kind));
  }

  private static List<String> contentStems(String[] w, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < to; k++) if (!Tokens.isFunctionWord(w[k])) out.add(Tokens.stem(w[k]));
    return out;
  }

  private static String joined(String[] w, int from, int to) {
    return String.join("", Arrays.asList(w).subList(from, to));
  }

  /**
   * The span {@code text[start,end)}, widened by one char on either side when that closes a bracket
   * or quote the span leaves open: {@code "Islamic State" (IS} becomes {@code "Islamic State"
   * (IS)}.
   */
  static String balanced(String text, int start, int end) {
    String s = text.substring(start, end);
    if (opens(s) && end < text.length() && isCloser(text.charAt(end))) {
      end++;
    }
    if (start > 0
        && isOpener(text.charAt(start - 1))
        && closesUnopened(text.substring(start, end))) {
      start--;
    }
    return text.substring(start, end).strip();
  }

  private static boolean opens(String s) {
    return count(s, '(') > count(s, ')')
        || count(s, '[') > count(s, ']')
        || count(s, '"') % 2 == 1
        || count(s, '\u201c') > count(s, '\u201d');
  }

  private static boolean closesUnopened(String s) {
    return count(s, ')') > count(s, '(')
        || count(s, ']') > count(s, '[')
        || count(s, '"') % 2 == 1
        || count(s, '\u201d') > count(s, '\u201c');
  }

  private static boolean isCloser(char c) {
    return c == ')' || c == ']' || c == '"' || c == '\u201d';
  }

  private static boolean isOpener(char c) {
    return c == '(' || c == '[' || c == '"' || c == '\u201c';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }
}
