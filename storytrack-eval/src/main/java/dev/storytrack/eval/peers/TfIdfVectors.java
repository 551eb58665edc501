package dev.storytrack.eval.peers;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Unit-length TF-IDF vectors of a fixed set of articles, the representation both peers share.
 *
 * <p>Terms: title plus text through Lucene's {@link EnglishAnalyzer} (stop words, possessives,
 * Porter stems), dropping one-letter terms and numbers, as {@code link.Profiler} does. Weight: log
 * TF {@code 1 + ln(tf)} times IDF {@code ln((N + 1) / (df + 0.5))}, the formula of storytrack's
 * body cosine. Unlike storytrack, which updates IDF online as articles arrive, the IDF here is
 * computed upfront over all {@code N} documents being clustered: the classic batch setting of the
 * baselines, which gives them a look at the whole corpus that an online system does not have.
 *
 * <p>Vectors are sparse (term ids ascending) and an inverted index maps each term id to the
 * documents that contain it with their weights.
 */
public final class TfIdfVectors {
  private final List<Article> articles;
  private final int[][] terms;
  private final float[][] weights;
  private final int vocabulary;
  private final int[][] postingDocs;
  private final float[][] postingWeights;

  private TfIdfVectors(List<Article> articles, int[][] terms, float[][] weights, int vocabulary) {
    this.articles = articles;
    this.terms = terms;
    this.weights = weights;
    this.vocabulary = vocabulary;
    int[] df = new int[vocabulary];
    for (int[] t : terms) for (int id : t) df[id]++;
    postingDocs = new int[vocabulary][];
    postingWeights = new float[vocabulary][];
    for (int t = 0; t < vocabulary; t++) {
      postingDocs[t] = new int[df[t]];
      postingWeights[t] = new float[df[t]];
    }
    int[] fill = new int[vocabulary];
    for (int d = 0; d < terms.length; d++) {
      for (int k = 0; k < terms[d].length; k++) {
        int t = terms[d][k];
        postingDocs[t][fill[t]] = d;
        postingWeights[t][fill[t]++] = weights[d][k];
      }
    }
  }

  /** The vectors of {@code articles} (in that order; document {@code i} is article {@code i}). */
  public static TfIdfVectors of(List<Article> articles) {
    List<Article> docs = List.copyOf(articles);
    // Analysis is the costly part and independent per document: on all cores, order kept.
    List<Map<String, Integer>> counts = docs.parallelStream().map(TfIdfVectors::counts).toList();
    Map<String, Integer> ids = new HashMap<>();
    List<Integer> df = new ArrayList<>();
    int[][] terms = new int[docs.size()][];
    int[][] tfs = new int[docs.size()][];
    for (int d = 0; d < docs.size(); d++) {
      // Sorted keys: term ids then depend only on the input, not on hash-map iteration order.
      String[] keys = counts.get(d).keySet().toArray(String[]::new);
      Arrays.sort(keys);
      long[] packed = new long[keys.length];
      for (int k = 0; k < keys.length; k++) {
        Integer id = ids.get(keys[k]);
        if (id == null) {
          id = ids.size();
          ids.put(keys[k], id);
          df.add(0);
        }
        df.set(id, df.get(id) + 1);
        packed[k] = ((long) id << 32) | counts.get(d).get(keys[k]);
      }
      Arrays.sort(packed);
      terms[d] = new int[keys.length];
      tfs[d] = new int[keys.length];
      for (int k = 0; k < packed.length; k++) {
        terms[d][k] = (int) (packed[k] >>> 32);
        tfs[d][k] = (int) packed[k];
      }
    }
    int n = docs.size();
    float[][] weights = new float[n][];
    for (int d = 0; d < n; d++) {
      double[] w = new double[terms[d].length];
      double norm = 0;
      for (int k = 0; k < w.length; k++) {
        double idf = Math.log((n + 1.0) / (df.get(terms[d][k]) + 0.5));
        w[k] = (1 + Math.log(tfs[d][k])) * idf;
        norm += w[k] * w[k];
      }
      norm = Math.sqrt(norm);
      weights[d] = new float[w.length];
      for (int k = 0; k < w.length; k++) weights[d][k] = norm == 0 ? 0f : (float) (w[k] / norm);
    }
    return new TfIdfVectors(docs, terms, weights, ids.size());
  }

  private static final ThreadLocal<Analyzer> ANALYZER =
      ThreadLocal.withInitial(
          () ->
              new EnglishAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, CharArraySet.EMPTY_SET));

  static Map<String, Integer> counts(Article a) {
    Map<String, Integer> m = new HashMap<>();
    count(a.title(), m);
    count(a.text(), m);
    return m;
  }

  private static void count(String s, Map<String, Integer> out) {
    if (s.isEmpty()) return;
    try (TokenStream ts = ANALYZER.get().tokenStream("t", s)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() < 2 || isNumber(term)) continue;
        out.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isNumber(CharSequence t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != ',') return false;
    }
    return true;
  }

  /** Number of documents. */
  public int size() {
    return terms.length;
  }

  /** Number of distinct terms. */
  public int vocabulary() {
    return vocabulary;
  }

  /** The article of document {@code d}. */
  public Article article(int d) {
    return articles.get(d);
  }

  /** Term ids of document {@code d}, ascending (shared array: do not modify). */
  int[] terms(int d) {
    return terms[d];
  }

  /** Weights of document {@code d}, parallel to {@link #terms} (shared array: do not modify). */
  float[] weights(int d) {
    return weights[d];
  }

  /** Documents containing term {@code t}, ascending (shared array: do not modify). */
  int[] postingDocs(int t) {
    return postingDocs[t];
  }

  /** Weights of term {@code t} in {@link #postingDocs}'s documents (shared array). */
  float[] postingWeights(int t) {
    return postingWeights[t];
  }

  /** Cosine of documents {@code a} and {@code b} (a merge over their sorted term ids). */
  public double cosine(int a, int b) {
    int[] ta = terms[a];
    int[] tb = terms[b];
    float[] wa = weights[a];
    float[] wb = weights[b];
    double s = 0;
    for (int i = 0, j = 0; i < ta.length && j < tb.length; ) {
      if (ta[i] < tb[j]) i++;
      else if (ta[i] > tb[j]) j++;
      else s += (double) wa[i++] * wb[j++];
    }
    return s;
  }
}
