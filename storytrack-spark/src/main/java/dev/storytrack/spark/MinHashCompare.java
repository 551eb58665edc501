package dev.storytrack.spark;

import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.extract.Extractor;
import dev.storytrack.text.Shingles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Peer comparison on a planted corpus ({@code dev.storytrack.eval.dedup.PlantedCorpus} in
 * storytrack-eval, JSONL plus its truth TSV {@code id, cluster, edit}): storytrack's Spark dedup
 * against Spark MLlib's {@code MinHashLSH.approxSimilarityJoin} on the same cleaned texts and
 * 5-word shingles. Reports pair recall and precision against the planted clusters, and the wall
 * time of each.
 *
 * <p>Run: {@code spark-submit --class dev.storytrack.spark.MinHashCompare JOBS.jar CORPUS.jsonl
 * TRUTH.tsv [hashTables] [master]}.
 */
public final class MinHashCompare {
  private static final int DIMENSION = 1 << 30;

  private MinHashCompare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: MinHashCompare CORPUS.jsonl TRUTH.tsv [hashTables] [master]");
      System.exit(2);
    }
    int tables = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("storytrack minhash compare")
            .config(KryoSetup.configure(new org.apache.spark.SparkConf()));
    if (args.length > 3) b = b.master(args[3]);
    try (SparkSession spark = b.getOrCreate()) {
      Map<String, String> cluster = new HashMap<>();
      for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (f.length >= 2) cluster.put(f[0], f[1]);
      }
      long plantedPairs = 0;
      Map<String, Integer> sizes = new HashMap<>();
      for (String c : cluster.values()) sizes.merge(c, 1, Integer::sum);
      for (int n : sizes.values()) plantedPairs += (long) n * (n - 1) / 2;
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      DedupConfig config = DedupConfig.defaults();

      // "mllib-only" as a fifth argument skips our job (already measured on its own).
      boolean ourJob = !(args.length > 4 && args[4].equals("mllib-only"));
      long t0 = System.nanoTime();
      if (ourJob) {
        JavaRDD<Rec> records =
            SparkInputs.read(spark, List.of(args[0]), SparkInputs.Kind.AUTO, null);
        int parts = SparkDedup.defaultPartitions(sc, records);
        SparkDedup.Result ours =
            SparkDedup.run(sc, records, SparkDedup.Params.of(config, true, 2000, parts));
        List<Tuple2<String, String>> ourPairs =
            ours.groups()
                .flatMap(
                    g -> {
                      List<String> ids = new ArrayList<>();
                      ids.add(g.representative());
                      g.members().forEach(m -> ids.add(m.id()));
                      List<Tuple2<String, String>> out = new ArrayList<>();
                      for (int i = 0; i < ids.size(); i++) {
                        for (int j = i + 1; j < ids.size(); j++)
                          out.add(ordered(ids.get(i), ids.get(j)));
                      }
                      return out.iterator();
                    })
                .collect();
        double oursSeconds = (System.nanoTime() - t0) / 1e9;
        // Printed before MLlib starts: at a million documents its join may not finish in the time
        // a benchmark run is given, and ours must not be lost with it.
        report(
            "storytrack SparkDedup (groups, transitive)",
            ourPairs,
            cluster,
            plantedPairs,
            oursSeconds,
            ours.documents());
        System.out.flush();
      }

      long t1 = System.nanoTime();
      // Spark logs only warnings here: a line every five minutes says the run is alive.
      Thread beat =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Thread.sleep(300_000);
                    System.err.printf(
                        Locale.ROOT,
                        "MLlib MinHashLSH running, %.0f s%n",
                        (System.nanoTime() - t1) / 1e9);
                  }
                } catch (InterruptedException e) {
                  // done
                }
              });
      beat.setDaemon(true);
      beat.start();
      int k = config.shingleSize();
      JavaRDD<Row> rows =
          SparkInputs.read(spark, List.of(args[0]), SparkInputs.Kind.AUTO, null)
              .mapPartitions(
                  it -> {
                    Extractor extractor = Extractor.defaults();
                    Shingles shingles = new Shingles(k);
                    List<Row> out = new ArrayList<>();
                    while (it.hasNext()) {
                      var a = it.next().article();
                      long[] h = shingles.hash(extractor.extract(a).text()).shingles();
                      TreeSet<Integer> idx = new TreeSet<>();
                      for (long x : h) idx.add((int) ((x >>> 2) & (DIMENSION - 1)));
                      if (idx.isEmpty()) continue; // MinHashLSH rejects empty vectors
                      int[] ix = idx.stream().mapToInt(Integer::intValue).toArray();
                      double[] ones = new double[ix.length];
                      java.util.Arrays.fill(ones, 1.0);
                      out.add(RowFactory.create(a.id(), Vectors.sparse(DIMENSION, ix, ones)));
                    }
                    return out.iterator();
                  });
      StructType schema =
          new StructType()
              .add("id", DataTypes.StringType)
              .add("features", SQLDataTypes.VectorType());
      Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
      MinHashLSHModel model =
          new MinHashLSH()
              .setNumHashTables(tables)
              .setInputCol("features")
              .setOutputCol("hashes")
              .setSeed(1)
              .fit(df);
      List<Tuple2<String, String>> mlPairs =
          model
              .approxSimilarityJoin(df, df, 1 - config.threshold(), "distance")
              .selectExpr("datasetA.id as a", "datasetB.id as b")
              .where("a < b")
              .javaRDD()
              .map(r -> ordered(r.getString(0), r.getString(1)))
              .collect();
      double mlSeconds = (System.nanoTime() - t1) / 1e9;
      beat.interrupt();

      report(
          "MLlib MinHashLSH x" + tables + " (direct pairs, J >= t)",
          mlPairs,
          cluster,
          plantedPairs,
          mlSeconds,
          df.count());
    }
  }

  private static Tuple2<String, String> ordered(String a, String b) {
    return a.compareTo(b) < 0 ? new Tuple2<>(a, b) : new Tuple2<>(b, a);
  }

  private static void report(
      String name,
      List<Tuple2<String, String>> pairs,
      Map<String, String> cluster,
      long plantedPairs,
      double seconds,
      long docs) {
    long correct =
        new java.util.HashSet<>(pairs)
            .stream()
                .filter(
                    p ->
                        cluster.get(p._1()) != null
                            && cluster.get(p._1()).equals(cluster.get(p._2())))
                .count();
    long distinct = new java.util.HashSet<>(pairs).size();
    System.out.printf(
        Locale.ROOT,
        "%-48s pairs %8d  recall %.4f  precision %.4f  %.1f s  %.0f docs/s%n",
        name,
        distinct,
        plantedPairs == 0 ? 1 : (double) correct / plantedPairs,
        distinct == 0 ? 1 : (double) correct / distinct,
        seconds,
        docs / seconds);
  }
}
