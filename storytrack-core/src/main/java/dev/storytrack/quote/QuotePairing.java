package dev.storytrack.quote;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Pairs the quotes of two versions of a story (A and B) and says how each pair differs: the same
 * words ({@link Relation#VERBATIM}), quoted words changed, trimmed or with an editor's insertion
 * such as "[IS]" ({@link Relation#ALTERED}, with a word diff), the same statement reported in other
 * words ({@link Relation#PARAPHRASED}), or a quote only one version has.
 *
 * <p>Quotes are paired one-to-one, greedily from the most similar: similarity is the word-overlap
 * F1 of the contents (lower case, punctuation ignored), with a bonus when the speakers match.
 * Speakers match by name similarity (Levenshtein similarity of at least {@link #NAME_SIMILARITY},
 * so "Mustefa Bali" and "Mustafa Bali" are one speaker) or by equal surnames. Stateless.
 */
public final class QuotePairing {
  /** Content word-overlap F1 from which two quotes can be one. */
  public static final double MIN_OVERLAP = 0.5;

  /** Name similarity from which two speakers are one person. */
  public static final double NAME_SIMILARITY = 0.8;

  /** Overlap needed when the speakers match (a reworded statement by the same person). */
  private static final double MIN_OVERLAP_SAME_SPEAKER = 0.3;

  private static final double SPEAKER_BONUS = 0.2;

  private QuotePairing() {}

  /** How a pair of quotes relates. Serialized as verbatim, altered, paraphrased, onlyA, onlyB. */
  public enum Relation {
    VERBATIM("verbatim"),
    ALTERED("altered"),
    PARAPHRASED("paraphrased"),
    ONLY_A("onlyA"),
    ONLY_B("onlyB");

    private final String json;

    Relation(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }
  }

  /** One version's quote: its content and source as written. */
  public record Side(String content, String source) {}

  /** One changed stretch of words: A's words replaced by B's (either may be empty). */
  public record WordChange(String a, String b) {}

  /**
   * A paired quote.
   *
   * @param speaker the resolved speaker (A's, else B's), else the source as written, else null
   * @param a A's quote, null for {@link Relation#ONLY_B}
   * @param b B's quote, null for {@link Relation#ONLY_A}
   * @param relation how they relate
   * @param diff the changed stretches for {@link Relation#ALTERED} and {@link
   *     Relation#PARAPHRASED}, empty otherwise
   */
  public record Pair(String speaker, Side a, Side b, Relation relation, List<WordChange> diff) {}

  /** Pairs {@code a}'s quotes with {@code b}'s; A's order first, then B's unpaired quotes. */
  public static List<Pair> pair(List<Quote> a, List<Quote> b) {
    List<List<Token>> ta = new ArrayList<>();
    List<List<Token>> tb = new ArrayList<>();
    for (Quote q : a) ta.add(Tokens.of(q.content()));
    for (Quote q : b) tb.add(Tokens.of(q.content()));
    List<double[]> candidates = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        double overlap = overlap(ta.get(i), tb.get(j));
        boolean same = sameSpeaker(a.get(i), b.get(j));
        if (overlap >= MIN_OVERLAP || (same && overlap >= MIN_OVERLAP_SAME_SPEAKER)) {
          candidates.add(new double[] {overlap + (same ? SPEAKER_BONUS : 0), i, j});
        }
      }
    }
    candidates.sort(
        Comparator.<double[]>comparingDouble(c -> -c[0])
            .thenComparingDouble(c -> c[1])
            .thenComparingDouble(c -> c[2]));
    int[] partnerOfA = new int[a.size()];
    boolean[] pairedB = new boolean[b.size()];
    java.util.Arrays.fill(partnerOfA, -1);
    for (double[] c : candidates) {
      int i = (int) c[1];
      int j = (int) c[2];
      if (partnerOfA[i] >= 0 || pairedB[j]) continue;
      partnerOfA[i] = j;
      pairedB[j] = true;
    }
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Quote qa = a.get(i);
      int j = partnerOfA[i];
      if (j < 0) {
        out.add(new Pair(who(qa, null), side(qa), null, Relation.ONLY_A, List.of()));
        continue;
      }
      Quote qb = b.get(j);
      List<WordChange> diff = diff(qa.content(), ta.get(i), qb.content(), tb.get(j));
      Relation r =
          diff.isEmpty()
              ? Relation.VERBATIM
              : qa.direct() && qb.direct() ? Relation.ALTERED : Relation.PARAPHRASED;
      out.add(new Pair(who(qa, qb), side(qa), side(qb), r, diff));
    }
    for (int j = 0; j < b.size(); j++) {
      if (!pairedB[j])
        out.add(new Pair(who(b.get(j), null), null, side(b.get(j)), Relation.ONLY_B, List.of()));
    }
    return out;
  }

  /** Whether two speaker names are one person: similar spelling or the same surname. */
  public static boolean sameName(String x, String y) {
    if (x == null || y == null) return false;
    String a = x.toLowerCase(Locale.ROOT).strip();
    String b = y.toLowerCase(Locale.ROOT).strip();
    if (a.equals(b)) return true;
    if (new LevenshteinDistance().getDistance(a, b) >= NAME_SIMILARITY) return true;
    String[] pa = a.split("\\s+");
    String[] pb = b.split("\\s+");
    // "Rawlinson" and "Scott Rawlinson"; not "Scott Rawlinson" and "Ann Rawlinson".
    return pa[pa.length - 1].equals(pb[pb.length - 1]) && (pa.length == 1 || pb.length == 1);
  }

  private static boolean sameSpeaker(Quote a, Quote b) {
    return sameName(a.speaker(), b.speaker());
  }

  private static String who(Quote a, Quote b) {
    if (a.speaker() != null) return a.speaker();
    if (b != null && b.speaker() != null) return b.speaker();
    if (a.source() != null) return a.source();
    return b == null ? null : b.source();
  }

  private static Side side(Quote q) {
    return new Side(q.content(), q.source());
  }

  private static double overlap(List<Token> a, List<Token> b) {
    if (a.isEmpty() && b.isEmpty()) return 0;
    java.util.Map<String, Integer> count = new java.util.HashMap<>();
    for (Token t : a) count.merge(t.term(), 1, Integer::sum);
    int common = 0;
    for (Token t : b) {
      Integer n = count.get(t.term());
      if (n != null && n > 0) {
        common++;
        count.put(t.term(), n - 1);
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }

  /**
   * Changed stretches between two token sequences, from their longest common subsequence.
   * Hand-written: quotes are a few dozen words, and a quadratic LCS is simpler than a dependency.
   */
  static List<WordChange> diff(String sa, List<Token> a, String sb, List<Token> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).term().equals(b.get(j).term())
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<WordChange> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).term().equals(b.get(j).term())) {
        i++;
        j++;
        continue;
      }
      int i0 = i;
      int j0 = j;
      while ((i < n || j < m) && !(i < n && j < m && a.get(i).term().equals(b.get(j).term()))) {
        if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) i++;
        else j++;
      }
      out.add(new WordChange(stretch(sa, a, i0, i), stretch(sb, b, j0, j)));
    }
    return out;
  }

  /** The text of tokens [from, to), with brackets around them ("[IS]"). */
  private static String stretch(String s, List<Token> t, int from, int to) {
    if (from >= to) return "";
    int start = t.get(from).start();
    int end = t.get(to - 1).end();
    while (start > 0 && "[(".indexOf(s.charAt(start - 1)) >= 0) start--;
    while (end < s.length() && "])".indexOf(s.charAt(end)) >= 0) end++;
    return s.substring(start, end);
  }
}
