package dev.storytrack.eval.quotes;

import dev.storytrack.quote.Quote;
import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores predicted quotes against PolNeAR's gold attributions by word overlap.
 *
 * <p>Content: a predicted attribution (the quotes sharing one cue occurrence, joined) and a gold
 * one (all its content pieces) are compared by token-level overlap F1 over their word multisets
 * ({@link Tokens}: lower case, punctuation dropped); pairs at or above {@link #MATCH_F1} are
 * matched one-to-one, greedily from the highest overlap. Precision is matched predictions over
 * predictions, recall matched gold over gold.
 *
 * <p>Direct quotes: a gold attribution is direct when each content piece is enclosed by double
 * quotation marks with no mark inside (the marks may lie just outside the annotated span). Recall
 * counts direct gold attributions matched by any prediction; precision counts predictions flagged
 * direct that matched any gold attribution.
 *
 * <p>Content+source: a match also needs the source right: the predicted source span overlaps a gold
 * source piece, or the resolved speaker's last word appears in the gold source text, or neither
 * side has a source.
 */
public final class QuoteEvaluation {
  /** Word-overlap F1 at which a predicted content matches a gold one. */
  public static final double MATCH_F1 = 0.5;

  private QuoteEvaluation() {}

  /** Precision, recall and F1 from counts. */
  public record Prf(int predicted, int gold, int matchedPredicted, int matchedGold) {
    public double precision() {
      return predicted == 0 ? 0 : (double) matchedPredicted / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) matchedGold / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String format(String name) {
      return String.format(
          Locale.ROOT,
          "%-26s P %.3f  R %.3f  F1 %.3f   (predicted %d, gold %d)%n",
          name,
          precision(),
          recall(),
          f1(),
          predicted,
          gold);
    }
  }

  /** All figures of one run. */
  public record Report(
      int articles,
      Prf all,
      Prf allWithSource,
      Prf direct,
      Prf directWithSource,
      long extractNanos) {
    public double articlesPerSecond() {
      return extractNanos == 0 ? 0 : articles / (extractNanos / 1e9);
    }

    public String format() {
      return String.format(Locale.ROOT, "articles %d%n", articles)
          + all.format("all attributions")
          + allWithSource.format("all, source right")
          + direct.format("direct quotes")
          + directWithSource.format("direct, source right")
          + String.format(
              Locale.ROOT,
              "speed %.0f articles/s (extraction only, one thread)%n",
              articlesPerSecond());
    }
  }

  /**
   * Runs {@code extractor} on each article's text and scores it. {@code errors}, when not null,
   * receives one line per missed gold and unmatched prediction (for error analysis on train).
   */
  public static Report evaluate(
      List<PolNear.Doc> docs, Function<String, List<Quote>> extractor, Consumer<String> errors) {
    int[] c = new int[16];
    long nanos = 0;
    for (PolNear.Doc doc : docs) {
      long t0 = System.nanoTime();
      List<Quote> quotes = extractor.apply(doc.text());
      nanos += System.nanoTime() - t0;
      score(doc, quotes, c, errors);
    }
    // c: 0 pred, 1 gold, 2 matched, 3 matched with source, 4 pred direct, 5 gold direct,
    // 6 pred direct matched, 7 gold direct matched, 8 pred direct matched with source,
    // 9 gold direct matched with source (by any prediction)
    return new Report(
        docs.size(),
        new Prf(c[0], c[1], c[2], c[2]),
        new Prf(c[0], c[1], c[3], c[3]),
        new Prf(c[4], c[5], c[6], c[7]),
        new Prf(c[4], c[5], c[8], c[9]),
        nanos);
  }

  private record Pred(List<Quote> pieces, Map<String, Integer> words, boolean direct) {}

  private record Gold(
      PolNear.Attribution a, Map<String, Integer> words, boolean direct, String sourceText) {}

  private static void score(PolNear.Doc doc, List<Quote> quotes, int[] c, Consumer<String> errors) {
    String text = doc.text();
    List<Pred> preds = group(quotes, doc);
    List<Gold> golds = new ArrayList<>();
    for (PolNear.Attribution a : doc.attributions()) {
      StringBuilder content = new StringBuilder();
      boolean direct = true;
      for (PolNear.Span s : a.content()) {
        content.append(text, s.start(), s.end()).append(' ');
        direct &= isQuoted(text, s);
      }
      StringBuilder source = new StringBuilder();
      for (PolNear.Span s : a.source()) source.append(text, s.start(), s.end()).append(' ');
      Map<String, Integer> w = words(content.toString());
      if (w.isEmpty()) continue;
      golds.add(new Gold(a, w, direct, source.toString().trim()));
    }
    // Greedy one-to-one matching from the highest overlap.
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < preds.size(); i++) {
      for (int j = 0; j < golds.size(); j++) {
        double f = overlapF1(preds.get(i).words(), golds.get(j).words());
        if (f >= MATCH_F1) pairs.add(new double[] {f, i, j});
      }
    }
    pairs.sort(
        (x, y) ->
            x[0] != y[0]
                ? Double.compare(y[0], x[0])
                : x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[2], y[2]));
    int[] predMatch = new int[preds.size()];
    int[] goldMatch = new int[golds.size()];
    java.util.Arrays.fill(predMatch, -1);
    java.util.Arrays.fill(goldMatch, -1);
    for (double[] p : pairs) {
      int i = (int) p[1];
      int j = (int) p[2];
      if (predMatch[i] >= 0 || goldMatch[j] >= 0) continue;
      predMatch[i] = j;
      goldMatch[j] = i;
    }
    c[0] += preds.size();
    c[1] += golds.size();
    for (int i = 0; i < preds.size(); i++) {
      Pred p = preds.get(i);
      if (p.direct()) c[4]++;
      if (predMatch[i] < 0) {
        if (errors != null)
          errors.accept(doc.id() + "\tFP" + (p.direct() ? "-direct" : "") + "\t" + describe(p));
        continue;
      }
      Gold g = golds.get(predMatch[i]);
      boolean sourceOk = sourceRight(p, g);
      c[2]++;
      if (sourceOk) c[3]++;
      if (p.direct()) {
        c[6]++;
        if (sourceOk) c[8]++;
      }
      if (g.direct()) {
        c[7]++;
        if (sourceOk) c[9]++;
      }
      if (errors != null && !sourceOk) {
        errors.accept(
            doc.id()
                + "\tSRC"
                + (g.direct() ? "-direct" : "")
                + "\tgold="
                + g.sourceText()
                + "\t"
                + describe(p));
      }
    }
    for (int j = 0; j < golds.size(); j++) {
      Gold g = golds.get(j);
      if (g.direct()) c[5]++;
      if (goldMatch[j] < 0 && errors != null) {
        StringBuilder sb = new StringBuilder();
        for (PolNear.Span s : g.a().content()) sb.append(text, s.start(), s.end()).append(" | ");
        StringBuilder cue = new StringBuilder();
        for (PolNear.Span s : g.a().cue()) cue.append(text, s.start(), s.end()).append(' ');
        errors.accept(
            doc.id()
                + "\tFN"
                + (g.direct() ? "-direct" : "")
                + "\t["
                + g.sourceText()
                + "] ["
                + cue.toString().trim()
                + "] "
                + oneLine(sb.toString()));
      }
    }
  }

  private static String describe(Pred p) {
    Quote q = p.pieces().get(0);
    StringBuilder sb = new StringBuilder();
    for (Quote x : p.pieces()) sb.append(x.content()).append(" | ");
    return "["
        + q.source()
        + " -> "
        + q.speaker()
        + "] ["
        + q.cue()
        + "] "
        + oneLine(sb.toString());
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }

  /**
   * Quotes sharing a cue occurrence are one attribution; those inside discarded spans are dropped.
   */
  private static List<Pred> group(List<Quote> quotes, PolNear.Doc doc) {
    Map<Integer, List<Quote>> byCue = new LinkedHashMap<>();
    int solo = -2;
    for (Quote q : quotes) {
      if (discarded(q, doc)) continue;
      int key = q.cueStart() >= 0 ? q.cueStart() : solo--;
      byCue.computeIfAbsent(key, k -> new ArrayList<>()).add(q);
    }
    List<Pred> out = new ArrayList<>();
    for (List<Quote> pieces : byCue.values()) {
      StringBuilder sb = new StringBuilder();
      boolean direct = true;
      for (Quote q : pieces) {
        sb.append(q.content()).append(' ');
        direct &= q.direct();
      }
      Map<String, Integer> w = words(sb.toString());
      if (!w.isEmpty()) out.add(new Pred(pieces, w, direct));
    }
    return out;
  }

  private static boolean discarded(Quote q, PolNear.Doc doc) {
    for (PolNear.Span s : doc.discarded())
      if (q.start() >= s.start() && q.start() < s.end()) return true;
    return false;
  }

  private static boolean sourceRight(Pred p, Gold g) {
    Quote q = p.pieces().get(0);
    if (g.a().source().isEmpty()) return q.source() == null;
    if (q.sourceStart() >= 0) {
      for (PolNear.Span s : g.a().source()) {
        if (q.sourceStart() < s.end() && s.start() < q.sourceEnd()) return true;
      }
    }
    if (q.speaker() != null) {
      String[] parts = q.speaker().toLowerCase(Locale.ROOT).split("\\s+");
      String last = parts[parts.length - 1];
      for (Token t : Tokens.of(g.sourceText())) if (t.term().equals(last)) return true;
    }
    return false;
  }

  /**
   * Whether a gold content span is one quotation: a double mark opens it (at its start or just
   * before), one closes it (at its end or after trailing punctuation), and none stands inside.
   */
  static boolean isQuoted(String text, PolNear.Span span) {
    int s = span.start();
    int e = span.end();
    while (s < e && Character.isWhitespace(text.charAt(s))) s++;
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
    if (s >= e) return false;
    int open;
    if (isMark(text.charAt(s))) {
      open = s;
    } else {
      int k = s - 1;
      while (k >= 0 && text.charAt(k) == ' ') k--;
      if (k < 0 || !isMark(text.charAt(k))) return false;
      open = k;
    }
    int close = -1;
    if (e - 1 > open && isMark(text.charAt(e - 1))) {
      close = e - 1;
    } else {
      for (int k = e; k < Math.min(text.length(), e + 3); k++) {
        char ch = text.charAt(k);
        if (isMark(ch)) {
          close = k;
          break;
        }
        if (",.?!;: ".indexOf(ch) < 0) break;
      }
    }
    if (close < 0) return false;
    for (int k = open + 1; k < close; k++) if (isMark(text.charAt(k))) return false;
    return true;
  }

  private static boolean isMark(char c) {
    return c == '"' || c == '“' || c == '”';
  }

  static Map<String, Integer> words(String s) {
    Map<String, Integer> m = new HashMap<>();
    for (Token t : Tokens.of(s)) m.merge(t.term(), 1, Integer::sum);
    return m;
  }

  /** Token-level overlap F1 of two word multisets. */
  static double overlapF1(Map<String, Integer> a, Map<String, Integer> b) {
    int na = 0;
    int nb = 0;
    int common = 0;
    for (int v : a.values()) na += v;
    for (int v : b.values()) nb += v;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      Integer o = b.get(e.getKey());
      if (o != null) common += Math.min(o, e.getValue());
    }
    return na + nb == 0 ? 0 : 2.0 * common / (na + nb);
  }
}
