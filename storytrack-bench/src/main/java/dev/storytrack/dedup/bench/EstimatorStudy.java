package dev.storytrack.dedup.bench;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import dev.storytrack.eval.dedup.DedupQuality;
import dev.storytrack.eval.dedup.PlantedCorpus;
import dev.storytrack.text.Shingles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares verification estimators on the pairs of a {@link PlantedCorpus} that matter for
 * precision and recall (exact Jaccard >= 0.5, which holds every pair a verification could wrongly
 * accept or reject in practice): for each scheme the share of LSH candidates (15 x 4 bands of 8-bit
 * SuperMinHash components, as the index) that it accepts at the threshold, split by exact J, and
 * its cost per document. Schemes: the index's 128 x 8-bit SuperMinHash, and b-bit minwise hashing
 * (Li and Koenig 2010) with 1024 x 1, 512 x 2 and 256 x 4 bits (the same 128 bytes), from hash4j's
 * SuperMinHash with that many components. The signing cost is the SuperMinHash alone (second pass
 * over all documents, one thread; shingling excluded).
 *
 * <p>Run: {@code java -cp ... dev.storytrack.dedup.bench.EstimatorStudy [--docs N] [--seed S]
 * [--sources ...]}.
 */
public final class EstimatorStudy {
  private EstimatorStudy() {}

  private record Scheme(String name, int components, int bits) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = PlantedCorpus.options(args);
    Path data = Path.of(opt.getOrDefault("--data", PlantedCorpus.defaultData().toString()));
    Set<String> sources =
        Set.of(opt.getOrDefault("--sources", "giveme5w1h,scrapinghub,wcxb").split(","));
    int n = Integer.parseInt(opt.getOrDefault("--docs", "4000"));
    long seed = Long.parseLong(opt.getOrDefault("--seed", "1"));
    double t = Double.parseDouble(opt.getOrDefault("--threshold", "0.7"));
    List<PlantedCorpus.Doc> docs =
        new PlantedCorpus(PlantedCorpus.loadTexts(data, sources), seed, 0.5, 0.08).generate(n);
    Shingles shingles = new Shingles(5);
    long[][] sets = new long[n][];
    for (int i = 0; i < n; i++) sets[i] = shingles.hash(docs.get(i).text()).shingles();
    Map<Long, Double> jaccard = DedupQuality.exactJaccard(docs, 5);

    // Candidates as the index finds them: a band of 4 equal 8-bit components among the first 60.
    SimilarityHashPolicy bandPolicy = SimilarityHashing.superMinHash(128, 8);
    byte[][] band = sign(bandPolicy, sets, 128, 8);

    Scheme[] schemes = {
      new Scheme("128 x 8 bit (now)", 128, 8), new Scheme("1024 x 1 bit", 1024, 1),
      new Scheme("512 x 2 bit", 512, 2), new Scheme("256 x 4 bit", 256, 4),
    };
    double[] edges = {0.5, 0.6, 0.65, t, t + 0.05, 0.8, 1.0001};
    System.out.printf(
        Locale.ROOT,
        "%d documents, %d pairs with J >= 0.5, threshold %.2f%n",
        n,
        jaccard.values().stream().filter(j -> j >= 0.5).count(),
        t);
    for (Scheme s : schemes) {
      SimilarityHashPolicy p = SimilarityHashing.superMinHash(s.components(), s.bits());
      sign(p, sets, s.components(), s.bits()); // warm-up: the timed pass runs compiled code
      long t0 = System.nanoTime();
      byte[][] sig = sign(p, sets, s.components(), s.bits());
      double usPerDoc = (System.nanoTime() - t0) / 1e3 / n;
      long[] total = new long[edges.length - 1];
      long[] accepted = new long[edges.length - 1];
      double sq = 0;
      long cnt = 0;
      for (Map.Entry<Long, Double> e : jaccard.entrySet()) {
        double j = e.getValue();
        if (j < 0.5) continue;
        int a = (int) (e.getKey() >>> 32);
        int b = (int) (long) e.getKey();
        if (!candidate(band[a], band[b])) continue;
        double est = estimate(sig[a], sig[b], s.components(), s.bits());
        sq += (est - j) * (est - j);
        cnt++;
        for (int k = 0; k + 1 < edges.length; k++) {
          if (j >= edges[k] && j < edges[k + 1]) {
            total[k]++;
            if (est >= t) accepted[k]++;
          }
        }
      }
      long acc = 0, accBelow = 0, above = 0, aboveAcc = 0;
      StringBuilder row = new StringBuilder();
      for (int k = 0; k + 1 < edges.length; k++) {
        acc += accepted[k];
        if (edges[k + 1] <= t) accBelow += accepted[k];
        if (edges[k] >= t + 0.05) {
          above += total[k];
          aboveAcc += accepted[k];
        }
        row.append(
            String.format(
                Locale.ROOT,
                " [%.2f,%.2f) %d/%d",
                edges[k],
                Math.min(1, edges[k + 1]),
                accepted[k],
                total[k]));
      }
      System.out.printf(
          Locale.ROOT,
          "%-18s sign %.1f us/doc, rms error %.4f; accepted candidates with J >= t: %.4f;"
              + " recall J >= t+0.05: %.4f;%s%n",
          s.name(),
          usPerDoc,
          Math.sqrt(sq / Math.max(1, cnt)),
          acc == 0 ? 1.0 : 1 - (double) accBelow / acc,
          above == 0 ? 1.0 : (double) aboveAcc / above,
          row);
    }
  }

  private static byte[][] sign(SimilarityHashPolicy p, long[][] sets, int m, int bits) {
    var hasher = p.createHasher();
    byte[][] out = new byte[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      byte[] sig = hasher.compute(ElementHashProvider.ofValues(sets[i]));
      byte[] comps = new byte[m];
      for (int c = 0; c < m; c++) comps[c] = (byte) p.getComponent(sig, c);
      out[i] = comps;
    }
    return out;
  }

  private static boolean candidate(byte[] a, byte[] b) {
    for (int band = 0; band < 15; band++) {
      boolean all = true;
      for (int r = 0; r < 4 && all; r++) all = a[band * 4 + r] == b[band * 4 + r];
      if (all) return true;
    }
    return false;
  }

  /** Share of equal b-bit components, corrected for chance agreement 2^-b. */
  private static double estimate(byte[] a, byte[] b, int m, int bits) {
    int equal = 0;
    for (int i = 0; i < m; i++) if (a[i] == b[i]) equal++;
    double c = Math.pow(2, -bits);
    return Math.max(0, Math.min(1, ((double) equal / m - c) / (1 - c)));
  }
}
