package dev.storytrack.dedup.bench;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DocSignature;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.eval.dedup.PlantedCorpus;
import dev.storytrack.extract.Extractor;
import dev.storytrack.text.Shingles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stages of {@code storytrack dedup}, each timed alone on one thread over the same documents:
 * reading (the JSONL reader with its record checks, from the page cache), cleaning ({@code
 * Extractor.cleanText}), shingling ({@link Shingles#hash}), SuperMinHash (hash4j, 128 x 8 bits) and
 * the index ({@link NearDuplicateIndex#add}), in CPU time of the thread. Complements a JFR profile
 * of the whole run with figures free of sampling bias; the rounds after the first are warm.
 *
 * <p>Run: {@code java -cp ... dev.storytrack.dedup.bench.DedupStages FILE.jsonl [--docs N]
 * [--rounds R] [--only STAGE]}.
 */
public final class DedupStages {
  private DedupStages() {}

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** This thread's CPU time: on a machine shared with other work, wall time says little. */
  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    Map<String, String> opt =
        PlantedCorpus.options(java.util.Arrays.copyOfRange(args, 1, args.length));
    int docs = Integer.parseInt(opt.getOrDefault("--docs", "20000"));
    int rounds = Integer.parseInt(opt.getOrDefault("--rounds", "5"));
    String only = opt.getOrDefault("--only", "");
    Path part = Files.createTempFile("dedup-stages", ".jsonl");
    try (var lines = Files.lines(file)) {
      Files.write(part, (Iterable<String>) lines.limit(docs)::iterator);
    }
    Extractor extractor = Extractor.defaults();
    Shingles shingles = new Shingles(Shingles.DEFAULT_SIZE);
    SimilarityHashPolicy policy = SimilarityHashing.superMinHash(128, 8);
    SimilarityHasher hasher = policy.createHasher();
    long sink = 0;
    try {
      for (int r = 0; r < rounds; r++) {
        StringBuilder line = new StringBuilder("round " + r + ":");
        long t0 = cpu();
        List<Article> articles = new ArrayList<>(docs);
        ArticleReaders.read(List.of(part.toString()), Format.AUTO, articles::add, p -> {});
        long t1 = cpu();
        int n = articles.size();
        line.append(String.format(Locale.ROOT, " read %.1f", (t1 - t0) / 1e3 / n));

        String[] clean = new String[n];
        if (only.equals("read")) {
          System.out.println(line + " us/doc");
          continue;
        }
        if (only.isEmpty() || only.equals("clean")) {
          for (int i = 0; i < n; i++) clean[i] = extractor.cleanText(articles.get(i));
        } else {
          for (int i = 0; i < n; i++) clean[i] = articles.get(i).text();
        }
        long t2 = cpu();
        line.append(String.format(Locale.ROOT, ", clean %.1f", (t2 - t1) / 1e3 / n));
        if (only.equals("clean")) {
          System.out.println(line + " us/doc");
          continue;
        }

        long[][] sh = new long[n][];
        long[] exact = new long[n];
        for (int i = 0; i < n; i++) {
          Shingles.Hashed h = shingles.hash(clean[i]);
          sh[i] = h.shingles();
          exact[i] = h.exactLow();
        }
        long t3 = cpu();
        line.append(String.format(Locale.ROOT, ", shingle %.1f", (t3 - t2) / 1e3 / n));

        for (int i = 0; i < n; i++) {
          if (sh[i].length == 0) continue;
          byte[] s = hasher.compute(ElementHashProvider.ofValues(sh[i]));
          sink += s[0];
        }
        long t4 = cpu();
        line.append(String.format(Locale.ROOT, ", sign %.1f", (t4 - t3) / 1e3 / n));

        NearDuplicateIndex index = new NearDuplicateIndex(DedupConfig.defaults());
        DocSignature[] sigs = new DocSignature[n];
        for (int i = 0; i < n; i++) sigs[i] = index.sign(clean[i]);
        long t5 = cpu();
        for (int i = 0; i < n; i++) index.add(sigs[i]);
        long t6 = cpu();
        line.append(
            String.format(
                Locale.ROOT,
                ", (shingle + sign + pack %.1f), index %.1f us/doc",
                (t5 - t4) / 1e3 / n,
                (t6 - t5) / 1e3 / n));
        System.out.println(line);
      }
    } finally {
      Files.deleteIfExists(part);
    }
    if (sink == 42) System.out.println();
  }
}
