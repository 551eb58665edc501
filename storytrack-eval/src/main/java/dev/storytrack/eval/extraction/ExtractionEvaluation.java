package dev.storytrack.eval.extraction;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Runs an extractor (or reads precomputed outputs) over a benchmark and scores the result. */
public final class ExtractionEvaluation {
  private ExtractionEvaluation() {}

  /**
   * Extracts every page of {@code pages} in {@code split} on the calling thread and scores it.
   *
   * @param warmup passes over the pages before the measured one, so that pages/s reflects the
   *     compiled code rather than the JIT's first minutes
   */
  public static ExtractionReport run(
      Benchmark benchmark,
      List<BenchmarkPage> pages,
      Split split,
      PageExtractor extractor,
      int warmup)
      throws IOException {
    List<BenchmarkPage> selected = pages.stream().filter(p -> split.contains(p.id())).toList();
    for (int w = 0; w < warmup; w++) {
      for (BenchmarkPage p : selected) {
        try {
          extractor.extract(p, p.readHtml());
        } catch (Exception | StackOverflowError e) {
          // counted in the measured pass
        }
      }
    }
    List<MemoryPoolMXBean> heap = heapPools();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    long nanos = 0;
    long cpuNanos = 0;
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (BenchmarkPage p : selected) {
      byte[] html = p.readHtml();
      long c0 = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      try {
        outputs.put(p.id(), extractor.extract(p, html));
      } catch (Exception | StackOverflowError e) {
        errors.put(p.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        outputs.put(p.id(), null);
      }
      nanos += System.nanoTime() - t0;
      if (cpuTimed) cpuNanos += threads.getCurrentThreadCpuTime() - c0;
    }
    long peak = heap.stream().mapToLong(b -> b.getPeakUsage().getUsed()).sum();
    return score(
        benchmark, selected, split, outputs::get, errors, nanos / 1e9, cpuNanos / 1e9, peak);
  }

  /** Scores precomputed outputs (page id or URL to text; a missing page counts as empty). */
  public static ExtractionReport scorePredictions(
      Benchmark benchmark,
      List<BenchmarkPage> pages,
      Split split,
      Map<String, String> predictions) {
    List<BenchmarkPage> selected = pages.stream().filter(p -> split.contains(p.id())).toList();
    Function<String, String> byId = id -> predictions.get(id);
    Map<String, String> byPage = new LinkedHashMap<>();
    for (BenchmarkPage p : selected) {
      String out = byId.apply(p.id());
      if (out == null && !p.url().isEmpty()) out = predictions.get(p.url());
      byPage.put(p.id(), out == null ? "" : out);
    }
    return score(benchmark, selected, split, byPage::get, Map.of(), 0, 0, 0);
  }

  private static ExtractionReport score(
      Benchmark benchmark,
      List<BenchmarkPage> pages,
      Split split,
      Function<String, String> output,
      Map<String, String> errors,
      double seconds,
      double cpuSeconds,
      long peak) {
    List<ExtractionReport.PageScore> perPage = new ArrayList<>();
    Map<String, Double> extra = new LinkedHashMap<>();
    if (benchmark == Benchmark.TRAFILATURA) {
      SnippetScorer.Counts total = SnippetScorer.ZERO;
      for (BenchmarkPage p : pages) {
        SnippetScorer.Counts c = SnippetScorer.score(p.with(), p.without(), output.apply(p.id()));
        total = total.plus(c);
        perPage.add(
            new ExtractionReport.PageScore(
                p.id(), c.precision(), c.recall(), c.f1(), errors.get(p.id())));
      }
      extra.put("accuracy", total.accuracy());
      return new ExtractionReport(
          benchmark,
          split,
          pages.size(),
          errors.size(),
          "with/without snippets, micro-averaged (trafilatura)",
          total.precision(),
          total.recall(),
          total.f1(),
          extra,
          seconds,
          cpuSeconds,
          peak,
          perPage);
    }
    List<ShingleScorer.Counts> counts = new ArrayList<>();
    double wp = 0;
    double wr = 0;
    double wf = 0;
    double withRate = 0;
    double withoutRate = 0;
    for (BenchmarkPage p : pages) {
      String out = output.apply(p.id());
      ShingleScorer.Counts c = ShingleScorer.score(p.truth(), out == null ? "" : out);
      counts.add(c);
      perPage.add(
          new ExtractionReport.PageScore(
              p.id(), c.precision(), c.recall(), c.f1(), errors.get(p.id())));
      if (benchmark == Benchmark.WCXB) {
        WordScorer.Page w = WordScorer.score(p.truth(), out == null ? "" : out);
        wp += w.precision();
        wr += w.recall();
        wf += w.f1();
        withRate += snippetRate(out, p.with());
        withoutRate += snippetRate(out, p.without());
      }
    }
    if (benchmark == Benchmark.WCXB && !pages.isEmpty()) {
      int n = pages.size();
      extra.put("word precision (WCXB)", wp / n);
      extra.put("word recall (WCXB)", wr / n);
      extra.put("word F1 (WCXB)", wf / n);
      extra.put("with snippets found (WCXB)", withRate / n);
      extra.put("without snippets found (WCXB)", withoutRate / n);
    }
    ShingleScorer.Prf prf = ShingleScorer.aggregate(counts);
    return new ExtractionReport(
        benchmark,
        split,
        pages.size(),
        errors.size(),
        "word 4-gram shingles, averaged over pages (Scrapinghub)",
        prf.precision(),
        prf.recall(),
        prf.f1(),
        extra,
        seconds,
        cpuSeconds,
        peak,
        perPage);
  }

  /** WCXB's snippet check: share of snippets found, case-insensitively; 1 when there are none. */
  private static double snippetRate(String out, List<String> snippets) {
    if (snippets.isEmpty()) return 1;
    String lower = out == null ? "" : out.toLowerCase(Locale.ROOT);
    int found = 0;
    for (String s : snippets) if (lower.contains(s.toLowerCase(Locale.ROOT))) found++;
    return (double) found / snippets.size();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(b -> b.getType() == MemoryType.HEAP && b.isValid())
        .toList();
  }
}
