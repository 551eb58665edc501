package dev.storytrack.eval.dedup;

import dev.storytrack.article.Article;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DedupResult;
import dev.storytrack.dedup.Deduplicator;
import dev.storytrack.dedup.DuplicateGroup;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.text.Shingles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pair precision and recall of {@link Deduplicator} on a {@link PlantedCorpus}, against the planted
 * truth and against exact Jaccard similarity of the 5-word-shingle sets computed for every pair of
 * documents that shares a shingle (pairs that share none have Jaccard 0), via an inverted index.
 * Shingles are compared by their 64-bit hashes, exact up to hash collisions.
 *
 * <p>Predicted pairs are all pairs within a reported group. Definitions:
 *
 * <ul>
 *   <li>recall (exact): share of pairs with Jaccard ≥ threshold + 0.05 that are predicted;
 *   <li>precision (exact, strict): share of predicted pairs with Jaccard ≥ threshold;
 *   <li>precision (exact, ±0.05): share of predicted pairs with Jaccard ≥ threshold − 0.05;
 *   <li>precision (planted): share of predicted pairs from the same planted cluster;
 *   <li>recall (planted, J ≥ t+0.05): share of planted pairs with Jaccard ≥ threshold + 0.05 found.
 * </ul>
 *
 * <p>Run: {@code java -cp ... dev.storytrack.eval.dedup.DedupQuality [--docs N] [--seed S]
 * [--sources ...] [--threshold T]}.
 */
public final class DedupQuality {

  /** The figures of one evaluation. */
  public record Report(
      int documents,
      int groups,
      long predictedPairs,
      long exactPairsAbove,
      double recallExact,
      double precisionExactStrict,
      double precisionExactTolerant,
      long edges,
      double edgePrecisionStrict,
      double edgePrecisionTolerant,
      double edgeEstimateError,
      long plantedPairsAbove,
      double recallPlantedAbove,
      double precisionPlanted,
      String recallByBand) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "documents %d, groups %d, predicted pairs %d%n"
              + "exact Jaccard: recall %.4f of %d pairs with J >= t+0.05; precision %.4f (J >= t),"
              + " %.4f (J >= t-0.05)%n"
              + "verified edges (each document to its best match when added): %d; precision %.4f"
              + " (J >= t), %.4f (J >= t-0.05); mean |estimate - J| %.4f%n"
              + "planted: recall %.4f of %d planted pairs with J >= t+0.05; precision %.4f%n"
              + "recall by exact-J band: %s",
          documents,
          groups,
          predictedPairs,
          recallExact,
          exactPairsAbove,
          precisionExactStrict,
          precisionExactTolerant,
          edges,
          edgePrecisionStrict,
          edgePrecisionTolerant,
          edgeEstimateError,
          recallPlantedAbove,
          plantedPairsAbove,
          precisionPlanted,
          recallByBand);
    }
  }

  private DedupQuality() {}

  public static Report evaluate(List<PlantedCorpus.Doc> docs, DedupConfig config) {
    double t = config.threshold();
    int n = docs.size();
    DedupResult result;
    try (Deduplicator d =
        new Deduplicator(config, Article::text, Runtime.getRuntime().availableProcessors())) {
      for (PlantedCorpus.Doc doc : docs) {
        d.accept(new Article(doc.id(), "", "", "", doc.published(), doc.text(), null));
      }
      result = d.finish();
    }
    Set<Long> predicted = new HashSet<>();
    for (DuplicateGroup g : result.groups()) {
      List<Integer> members = new ArrayList<>();
      members.add((int) g.representativeOrdinal());
      g.members().forEach(m -> members.add((int) m.ordinal()));
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++)
          predicted.add(pair(members.get(i), members.get(j)));
      }
    }

    Map<Long, Double> jaccard = exactJaccard(docs, config.shingleSize());

    double[] bands = {t + 0.05, t + 0.1, t + 0.15, t + 0.2, 1.0001};
    long[] bandTotal = new long[bands.length - 1];
    long[] bandFound = new long[bands.length - 1];
    long above = 0, aboveFound = 0, plantedAbove = 0, plantedAboveFound = 0;
    for (Map.Entry<Long, Double> e : jaccard.entrySet()) {
      double j = e.getValue();
      if (j < t + 0.05) continue;
      above++;
      boolean found = predicted.contains(e.getKey());
      if (found) aboveFound++;
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      if (docs.get(a).cluster().equals(docs.get(b).cluster())) {
        plantedAbove++;
        if (found) plantedAboveFound++;
      }
      for (int k = 0; k + 1 < bands.length; k++) {
        if (j >= bands[k] && j < bands[k + 1]) {
          bandTotal[k]++;
          if (found) bandFound[k]++;
        }
      }
    }
    long strict = 0, tolerant = 0, plantedOk = 0;
    for (long p : predicted) {
      double j = jaccard.getOrDefault(p, 0.0);
      if (j >= t) strict++;
      if (j >= t - 0.05) tolerant++;
      if (docs.get((int) (p >>> 32)).cluster().equals(docs.get((int) p).cluster())) plantedOk++;
    }
    // The decisions themselves: one edge per document that matched when added (a group's other
    // pairs follow by transitivity and may be less similar).
    NearDuplicateIndex index = new NearDuplicateIndex(config);
    long edges = 0, edgeStrict = 0, edgeTolerant = 0;
    double err = 0;
    for (PlantedCorpus.Doc doc : docs) {
      NearDuplicateIndex.Added added = index.add(index.sign(doc.text()));
      if (added.duplicateOf() == null) continue;
      edges++;
      double j = jaccard.getOrDefault(pair(added.ordinal(), added.duplicateOf().ordinal()), 0.0);
      if (added.duplicateOf().exact()) j = 1.0;
      if (j >= t) edgeStrict++;
      if (j >= t - 0.05) edgeTolerant++;
      err += Math.abs(added.duplicateOf().similarity() - j);
    }
    StringBuilder byBand = new StringBuilder();
    for (int k = 0; k + 1 < bands.length; k++) {
      byBand.append(
          String.format(
              Locale.ROOT,
              "[%.2f,%.2f) %d/%d  ",
              bands[k],
              Math.min(1, bands[k + 1]),
              bandFound[k],
              bandTotal[k]));
    }
    return new Report(
        n,
        result.groups().size(),
        predicted.size(),
        above,
        ratio(aboveFound, above),
        ratio(strict, predicted.size()),
        ratio(tolerant, predicted.size()),
        edges,
        ratio(edgeStrict, edges),
        ratio(edgeTolerant, edges),
        edges == 0 ? 0 : err / edges,
        plantedAbove,
        ratio(plantedAboveFound, plantedAbove),
        ratio(plantedOk, predicted.size()),
        byBand.toString().trim());
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  /** The key of the unordered pair of documents {@code a} and {@code b}. */
  public static long pair(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  /**
   * Jaccard of every pair sharing at least one shingle (all other pairs have Jaccard 0), keyed by
   * {@link #pair}.
   */
  public static Map<Long, Double> exactJaccard(List<PlantedCorpus.Doc> docs, int k) {
    Shingles shingles = new Shingles(k);
    int n = docs.size();
    long[][] sets = new long[n][];
    Map<Long, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      sets[i] = Arrays.stream(shingles.hash(docs.get(i).text()).shingles()).distinct().toArray();
      for (long s : sets[i]) postings.computeIfAbsent(s, x -> new ArrayList<>(2)).add(i);
    }
    Map<Long, Double> out = new HashMap<>();
    int[] common = new int[n];
    List<Integer> touched = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      touched.clear();
      for (long s : sets[i]) {
        for (int j : postings.get(s)) {
          if (j <= i) continue;
          if (common[j]++ == 0) touched.add(j);
        }
      }
      for (int j : touched) {
        double inter = common[j];
        out.put(pair(i, j), inter / (sets[i].length + sets[j].length - inter));
        common[j] = 0;
      }
    }
    return out;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = PlantedCorpus.options(args);
    Path data = Path.of(opt.getOrDefault("--data", PlantedCorpus.defaultData().toString()));
    Set<String> sources =
        Set.of(opt.getOrDefault("--sources", "giveme5w1h,scrapinghub,wcxb").split(","));
    int n = Integer.parseInt(opt.getOrDefault("--docs", "6000"));
    long seed = Long.parseLong(opt.getOrDefault("--seed", "1"));
    DedupConfig config =
        DedupConfig.defaults()
            .withThreshold(Double.parseDouble(opt.getOrDefault("--threshold", "0.7")))
            .withSignatureSize(Integer.parseInt(opt.getOrDefault("--signature-size", "128")));
    List<String> texts = PlantedCorpus.loadTexts(data, sources);
    PlantedCorpus gen = new PlantedCorpus(texts, seed, 0.5, 0.08);
    System.out.printf(
        Locale.ROOT,
        "sources %s (%d real texts), seed %d, threshold %.2f, LSH %s%n",
        sources,
        texts.size(),
        seed,
        config.threshold(),
        config.plan());
    System.out.println(evaluate(gen.generate(n), config));
  }
}
