package dev.storytrack.version;

import dev.storytrack.align.Aligner;
import dev.storytrack.align.Alignment;
import dev.storytrack.align.Passage;
import dev.storytrack.align.Sentences;
import dev.storytrack.align.Variant;
import dev.storytrack.align.VariantKinds;
import dev.storytrack.text.Shingles;
import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The version tree of a story's articles.
 *
 * <p>Articles are taken in publication order (undated last, then in the order given). For each, the
 * earlier versions are candidates for its source. Aligning every pair would cost n²/2 alignments,
 * so candidates are first ranked by the share of the article's word 4-shingles found in each
 * earlier one (a sorted-array intersection, a few microseconds a pair), and only the best {@value
 * #CANDIDATES} with at least {@value #MIN_SHINGLE_SHARE} are aligned. A candidate is a source when
 * at least {@link Alignment#REUSE_THRESHOLD} of the article's words lie in passages shared with it
 * (the same test as {@code compare}'s same-report verdict).
 *
 * <p>The parent is the source with the highest reuse share, not the earliest: a copy of a copy
 * shares the most with its direct parent. Shares within {@value #TIE} of the best count as a tie (a
 * copy of a version that only cut text, or only changed a figure, shares as much with both); the
 * tie goes to the nearest source: the fewest words either text has that the other does not match
 * ({@link Alignment#unmatchedWords()}, an edit distance in words), then the later one. An article
 * with no source is an origin: the root of its own tree (an independent report of the event).
 *
 * <p>Thread-safe.
 */
public final class Versions {
  /** Earlier versions aligned per article, best shingle share first. */
  public static final int CANDIDATES = 4;

  /** Least shingle share for an earlier version to be aligned at all. */
  public static final double MIN_SHINGLE_SHARE = 0.05;

  /** Reuse shares closer than this to the best are a tie for the parent. */
  public static final double TIE = 0.05;

  private static final int SHINGLE = 4;
  private static final Set<String> CHANGE_KINDS =
      Set.of(VariantKinds.FIGURE, VariantKinds.DATE, VariantKinds.NAME, VariantKinds.WORDING);

  private final Aligner aligner;
  private final Shingles shingles = new Shingles(SHINGLE);

  public Versions(Aligner aligner) {
    this.aligner = aligner;
  }

  public static Versions defaults() {
    return new Versions(Aligner.defaults());
  }

  /**
   * One article of a story.
   *
   * @param id article id
   * @param text its cleaned text
   * @param published publication time, or null when undated
   * @param dateOnly {@code published} is known to the day only
   */
  public record Article(String id, String text, Instant published, boolean dateOnly) {
    public Article {
      dateOnly = dateOnly && published != null;
    }

    /** An article whose time, if any, is a full time. */
    public Article(String id, String text, Instant published) {
      this(id, text, published, false);
    }
  }

  /** The versions of the articles, in publication order (undated last, then as given). */
  public List<Version> of(List<Article> articles) {
    List<Article> order = new ArrayList<>(articles);
    // List.sort is stable: equal times (and the undated) keep the order given.
    // On one day a known time comes before a date-only one, whose midnight is no time of
    // publication.
    order.sort(
        Comparator.comparing(
                (Article a) ->
                    a.published() == null
                        ? null
                        : a.published().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Article::dateOnly)
            .thenComparing(Article::published, Comparator.nullsLast(Comparator.naturalOrder())));
    int n = order.size();
    long[][] sets = new long[n][];
    List<List<Token>> tokens = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sets[i] = uniqueSorted(shingles.hash(order.get(i).text()).shingles());
      // Each text is aligned with up to CANDIDATES others: tokenize it once.
      tokens.add(Tokens.of(order.get(i).text()));
    }

    List<Version> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(version(order, sets, tokens, i));
    return out;
  }

  private record Candidate(int index, double shingleShare) {}

  private record Source(int index, Alignment alignment) {}

  private Version version(List<Article> order, long[][] sets, List<List<Token>> tokens, int i) {
    Article me = order.get(i);
    List<Candidate> candidates = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      double c = sets[i].length == 0 ? 0 : (double) intersection(sets[i], sets[j]) / sets[i].length;
      if (c >= MIN_SHINGLE_SHARE) candidates.add(new Candidate(j, c));
    }
    candidates.sort(
        Comparator.comparingDouble((Candidate c) -> -c.shingleShare)
            .thenComparingInt(c -> -c.index));
    List<Source> sources = new ArrayList<>();
    for (Candidate c : candidates.subList(0, Math.min(CANDIDATES, candidates.size()))) {
      Alignment al =
          aligner.align(order.get(c.index).text(), tokens.get(c.index), me.text(), tokens.get(i));
      if (al.bShare() >= Alignment.REUSE_THRESHOLD) sources.add(new Source(c.index, al));
    }
    if (sources.isEmpty())
      return new Version(me.id(), true, 0, List.of(), List.of(), List.of(), List.of());
    sources.sort(
        Comparator.comparingDouble((Source s) -> -s.alignment.bShare())
            .thenComparingInt(s -> -s.index));
    Source parent = parent(sources);
    List<Source> ranked = new ArrayList<>(sources);
    ranked.remove(parent);
    ranked.add(0, parent);

    List<int[]> reused = new ArrayList<>();
    List<Version.Source> from = new ArrayList<>();
    for (Source s : ranked) {
      from.add(new Version.Source(order.get(s.index).id(), round(s.alignment.bShare())));
      for (Passage p : s.alignment.passages()) reused.add(new int[] {p.bStart(), p.bEnd()});
    }
    Alignment pa = parent.alignment;
    String parentText = order.get(parent.index).text();
    return new Version(
        me.id(),
        false,
        round(reusedShare(me.text(), tokens.get(i), reused)),
        from,
        Sentences.lacking(me.text(), tokens.get(i), reused),
        Sentences.onlyInA(parentText, tokens.get(parent.index), pa),
        changes(pa, parentText, me.text()));
  }

  private static Source parent(List<Source> byShare) {
    double best = byShare.get(0).alignment.bShare();
    Source parent = byShare.get(0);
    for (Source s : byShare) {
      if (s.alignment.bShare() < best - TIE) break;
      int d = s.alignment.unmatchedWords();
      int cur = parent.alignment.unmatchedWords();
      if (d < cur || (d == cur && s.index > parent.index)) parent = s;
    }
    return parent;
  }

  /** Share of the text's words inside any of the ranges. */
  private static double reusedShare(String text, List<Token> tokens, List<int[]> ranges) {
    boolean[] in = new boolean[text.length() + 1];
    for (int[] r : ranges) Arrays.fill(in, r[0], r[1], true);
    int words = 0;
    int covered = 0;
    for (Token t : tokens) {
      words++;
      if (in[t.start()]) covered++;
    }
    return words == 0 ? 0 : (double) covered / words;
  }

  private static List<Version.Change> changes(Alignment al, String parentText, String text) {
    List<Version.Change> out = new ArrayList<>();
    for (Variant v : al.variants()) {
      if (!CHANGE_KINDS.contains(v.kind())) continue;
      // Changed quotes are paired by the quote finder; a reworded quote is not the writer's
      // wording.
      if (v.kind().equals(VariantKinds.WORDING)
          && (inQuote(parentText, v.aStart()) || inQuote(text, v.bStart()))) {
        continue;
      }
      out.add(new Version.Change(v.kind(), v.a(), v.b()));
    }
    return out;
  }

  /** True when {@code at} lies between an opening and a closing quotation mark of its paragraph. */
  static boolean inQuote(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    boolean open = false;
    for (int k = lineStart; k < at && k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '"') open = !open;
      else if (c == '\u201c') open = true;
      else if (c == '\u201d') open = false;
    }
    return open;
  }

  private static long[] uniqueSorted(long[] hashes) {
    long[] s = hashes.clone();
    Arrays.sort(s);
    int n = 0;
    for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) s[n++] = s[i];
    return Arrays.copyOf(s, n);
  }

  private static int intersection(long[] x, long[] y) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.length && j < y.length) {
      if (x[i] < y[j]) i++;
      else if (x[i] > y[j]) j++;
      else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
