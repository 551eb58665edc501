package dev.storytrack.dedup.bench;

import dev.storytrack.article.Article;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DedupResult;
import dev.storytrack.dedup.Deduplicator;
import dev.storytrack.eval.dedup.PlantedCorpus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The core pipeline alone (no reading, no cleaning): generates a planted corpus in memory, then
 * times {@link Deduplicator} over it and prints docs/s, CPU seconds per document and index bytes
 * per document. Isolates what dedup itself costs from the readers and the extractor.
 *
 * <p>Run: {@code java -cp ... dev.storytrack.dedup.bench.DedupThroughput [--docs N] [--threads T]}.
 */
public final class DedupThroughput {
  private DedupThroughput() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = PlantedCorpus.options(args);
    int n = Integer.parseInt(opt.getOrDefault("--docs", "100000"));
    int threads =
        Integer.parseInt(
            opt.getOrDefault(
                "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    List<String> texts =
        PlantedCorpus.loadTexts(
            PlantedCorpus.defaultData(), Set.of("giveme5w1h", "scrapinghub", "wcxb"));
    List<Article> docs = new ArrayList<>(n);
    long bytes = 0;
    for (PlantedCorpus.Doc d : new PlantedCorpus(texts, 7, 0.5, 0.08).generate(n)) {
      docs.add(new Article(d.id(), "", "", "", d.published(), d.text(), null));
      bytes += d.text().length();
    }
    for (int round = 0; round < 2; round++) { // the first round warms the JIT
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      DedupResult r;
      try (Deduplicator d = new Deduplicator(DedupConfig.defaults(), Article::text, threads)) {
        docs.forEach(d::accept);
        r = d.finish();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %d docs (%.0f chars avg), %d threads: %.2f s, %.0f docs/s, %.1f CPU-us/doc,"
              + " %d groups, %d dropped, index %.0f bytes/doc%n",
          round,
          n,
          (double) bytes / n,
          threads,
          s,
          n / s,
          cpu * 1e6 / n,
          r.groups().size(),
          r.duplicates(),
          r.bytesPerDocument());
    }
  }
}
