package dev.storytrack.link.bench;

import dev.storytrack.article.Article;
import dev.storytrack.eval.EvalData;
import dev.storytrack.link.MiniLmVariants;
import dev.storytrack.link.SentenceEmbedder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How well embedding cosine separates same-event from different-event article pairs, and how fast
 * the embedder runs (a plain main: it measures wall-clock time).
 *
 * <p>{@code quality ARTICLES GOLD}: embeds every article several ways and prints the ROC AUC of the
 * cosine over all pairs (positive: same gold story), beside TF-IDF cosine. The AUC is also given
 * separately for the events with even and odd rank in sorted id order, two disjoint halves, so a
 * choice between input variants can be checked on events it was not chosen on.
 *
 * <p>{@code throughput ARTICLES THREADS ROUNDS}: embeds the articles ROUNDS times on THREADS
 * threads with the default embedder; prints articles/s (wall), CPU ms per article and the JVM's
 * peak RSS. Run each thread count in its own JVM so the RSS figures are separate.
 */
public final class EmbeddingProbe {
  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("quality")) {
      quality(EvalData.readArticles(Path.of(args[1])), EvalData.readGold(Path.of(args[2])));
    } else if (args.length >= 4 && args[0].equals("throughput")) {
      throughput(
          EvalData.readArticles(Path.of(args[1])),
          Integer.parseInt(args[2]),
          Integer.parseInt(args[3]),
          args.length > 4 && args[4].equals("--ort-default"));
    } else {
      System.err.println(
          "usage: EmbeddingProbe quality ARTICLES GOLD"
              + " | throughput ARTICLES THREADS ROUNDS [--ort-default]");
      System.exit(2);
    }
  }

  static void quality(List<Article> all, Map<String, String> gold) {
    List<Article> arts = all.stream().filter(a -> gold.containsKey(a.id())).toList();
    int[] event = events(arts, gold);
    System.out.printf(
        Locale.ROOT,
        "%d articles, %d events, %d pairs%n",
        arts.size(),
        Arrays.stream(event).max().orElse(-1) + 1,
        arts.size() * (arts.size() - 1L) / 2);
    System.out.printf(
        Locale.ROOT,
        "%-48s %8s %8s %8s %12s%n",
        "variant",
        "AUC",
        "even ev.",
        "odd ev.",
        "ms/article");
    double[][] tf = tfidf(arts, Integer.MAX_VALUE);
    report("TF-IDF cosine, title + whole text", arts, event, tf);
    report("TF-IDF cosine, title + first 150 words", arts, event, tfidf(arts, 150));

    int pieces = MiniLmVariants.MAX_PIECES;
    int words = MiniLmVariants.LEAD_WORDS;
    SentenceEmbedder joined = MiniLmVariants.open(pieces, words, false);
    SentenceEmbedder separate = MiniLmVariants.open(pieces, words, true);
    double[][] def =
        embedReport(
            "MiniLM mean(title, lead) [default]",
            arts,
            event,
            a -> separate.embed(a.title(), a.text()));
    embedReport(
        "MiniLM title + lead as one passage", arts, event, a -> joined.embed(a.title(), a.text()));
    embedReport("MiniLM title only", arts, event, a -> joined.embed(a.title(), ""));
    embedReport("MiniLM lead only", arts, event, a -> joined.embed("", a.text()));
    SentenceEmbedder separate64 = MiniLmVariants.open(64, 60, true);
    embedReport(
        "MiniLM mean(title, lead), 64 pieces/60 words",
        arts,
        event,
        a -> separate64.embed(a.title(), a.text()));
    SentenceEmbedder joined256 = MiniLmVariants.open(256, 250, false);
    SentenceEmbedder separate256 = MiniLmVariants.open(256, 250, true);
    embedReport(
        "MiniLM mean(title, lead), 256 pieces/250 words",
        arts,
        event,
        a -> separate256.embed(a.title(), a.text()));
    embedReport(
        "MiniLM one passage, 256 pieces/250 words",
        arts,
        event,
        a -> joined256.embed(a.title(), a.text()));
    // Whether the two scores carry different evidence: their plain average.
    double[][] both = new double[arts.size()][arts.size()];
    for (int i = 0; i < both.length; i++) {
      for (int j = i + 1; j < both.length; j++) both[i][j] = (tf[i][j] + def[i][j]) / 2;
    }
    report("(TF-IDF whole text + MiniLM default) / 2", arts, event, both);
  }

  static double[][] embedReport(
      String name, List<Article> arts, int[] event, Function<Article, float[]> f) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    var unused = f.apply(arts.get(0)); // warm-up outside the timing
    long cpu = mx.getCurrentThreadCpuTime();
    float[][] v = new float[arts.size()][];
    for (int i = 0; i < v.length; i++) v[i] = f.apply(arts.get(i));
    double ms = (mx.getCurrentThreadCpuTime() - cpu) / 1e6 / v.length;
    double[][] sim = new double[v.length][v.length];
    for (int i = 0; i < v.length; i++) {
      for (int j = i + 1; j < v.length; j++) sim[i][j] = SentenceEmbedder.cosine(v[i], v[j]);
    }
    print(name, event, sim, ms);
    return sim;
  }

  static void report(String name, List<Article> arts, int[] event, double[][] sim) {
    print(name, event, sim, Double.NaN);
  }

  static void print(String name, int[] event, double[][] sim, double msPerArticle) {
    System.out.printf(
        Locale.ROOT,
        "%-48s %8.4f %8.4f %8.4f %12s%n",
        name,
        auc(event, sim, e -> true),
        auc(event, sim, e -> e % 2 == 0),
        auc(event, sim, e -> e % 2 == 1),
        Double.isNaN(msPerArticle) ? "" : String.format(Locale.ROOT, "%.1f CPU", msPerArticle));
  }

  /**
   * ROC AUC over the pairs whose two articles' events both pass {@code keep}: the probability that
   * a same-event pair scores above a different-event pair, ties counting half (Mann-Whitney).
   */
  static double auc(int[] event, double[][] sim, java.util.function.IntPredicate keep) {
    List<double[]> pairs = new ArrayList<>(); // {score, positive}
    for (int i = 0; i < event.length; i++) {
      if (!keep.test(event[i])) continue;
      for (int j = i + 1; j < event.length; j++) {
        if (!keep.test(event[j])) continue;
        pairs.add(new double[] {sim[i][j], event[i] == event[j] ? 1 : 0});
      }
    }
    pairs.sort((x, y) -> Double.compare(x[0], y[0]));
    double rankSumPos = 0;
    long pos = 0;
    int n = pairs.size();
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && pairs.get(j)[0] == pairs.get(i)[0]) j++;
      double midRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
      for (int k = i; k < j; k++) {
        if (pairs.get(k)[1] == 1) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j;
    }
    long neg = n - pos;
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  static int[] events(List<Article> arts, Map<String, String> gold) {
    List<String> ids = new ArrayList<>(new TreeSet<>(gold.values()));
    Map<String, Integer> index = new HashMap<>();
    for (String id : ids) index.put(id, index.size());
    return arts.stream().mapToInt(a -> index.get(gold.get(a.id()))).toArray();
  }

  /** Log-TF x IDF cosine over English-analyzed title + text; IDF from these articles. */
  static double[][] tfidf(List<Article> arts, int leadWords) {
    List<Map<String, Integer>> tfs = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    try (Analyzer an = new EnglishAnalyzer()) {
      for (Article a : arts) {
        String text = a.title() + "\n" + firstWords(a.text(), leadWords);
        Map<String, Integer> tf = new HashMap<>();
        try (TokenStream ts = an.tokenStream("f", text)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) tf.merge(term.toString(), 1, Integer::sum);
          ts.end();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        tfs.add(tf);
      }
    }
    int n = arts.size();
    List<Map<String, Double>> vec = new ArrayList<>();
    for (Map<String, Integer> tf : tfs) {
      Map<String, Double> v = new HashMap<>();
      double norm = 0;
      for (var en : tf.entrySet()) {
        double w = (1 + Math.log(en.getValue())) * Math.log((double) n / df.get(en.getKey()));
        v.put(en.getKey(), w);
        norm += w * w;
      }
      double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
      v.replaceAll((k, w) -> w * inv);
      vec.add(v);
    }
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Map<String, Double> a = vec.get(i);
        Map<String, Double> b = vec.get(j);
        if (a.size() > b.size()) {
          Map<String, Double> t = a;
          a = b;
          b = t;
        }
        double dot = 0;
        for (var en : a.entrySet()) dot += en.getValue() * b.getOrDefault(en.getKey(), 0.0);
        sim[i][j] = dot;
      }
    }
    return sim;
  }

  static String firstWords(String text, int words) {
    if (words == Integer.MAX_VALUE) return text;
    String[] w = text.strip().split("\\s+");
    return String.join(" ", Arrays.copyOf(w, Math.min(words, w.length)));
  }

  static float[] mean(float[] a, float[] b) {
    float[] m = new float[a.length];
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      m[i] = a[i] + b[i];
      s += (double) m[i] * m[i];
    }
    float inv = s == 0 ? 0 : (float) (1 / Math.sqrt(s));
    for (int i = 0; i < m.length; i++) m[i] *= inv;
    return m;
  }

  static void throughput(List<Article> arts, int threads, int rounds, boolean ortDefault)
      throws Exception {
    long t0 = System.nanoTime();
    SentenceEmbedder e =
        ortDefault
            ? stock()
            : SentenceEmbedder.miniLm()
                .orElseThrow(
                    () -> new IllegalStateException("all-MiniLM-L6-v2 not on the class path"));
    System.out.printf(Locale.ROOT, "model load %.2f s%n", (System.nanoTime() - t0) / 1e9);
    for (Article a : arts.subList(0, Math.min(20, arts.size()))) e.embed(a.title(), a.text());
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    int total = arts.size() * rounds;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      fs.add(
          pool.submit(
              () -> {
                long c = mx.getCurrentThreadCpuTime();
                for (int i = me; i < total; i += threads) {
                  Article a = arts.get(i % arts.size());
                  e.embed(a.title(), a.text());
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c);
              }));
    }
    for (Future<?> f : fs) f.get();
    double wall = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        (ortDefault ? "stock session, " : "")
            + "%d threads: %d articles in %.1f s = %.1f articles/s wall, %.2f ms CPU per article,"
            + " peak RSS %s, load average %s%n",
        threads,
        total,
        wall,
        total / wall,
        cpu.get() / 1e6 / total,
        peakRss(),
        loadAverage());
  }

  /**
   * The same inputs through langchain4j's stock model, whose ONNX Runtime session uses its default
   * thread pool (one thread per core, for every call), to compare with the one-thread session.
   */
  static SentenceEmbedder stock() {
    var m =
        new dev.langchain4j.model.embedding.onnx.allminilml6v2q
            .AllMiniLmL6V2QuantizedEmbeddingModel();
    return (title, text) -> {
      float[] a = m.embed(title.strip()).content().vector();
      float[] b = m.embed(MiniLmVariants.lead(text, MiniLmVariants.LEAD_WORDS)).content().vector();
      return mean(a, b);
    };
  }

  static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM:"))
          .map(l -> l.substring(6).strip())
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
