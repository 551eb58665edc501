package dev.storytrack.spark;

import dev.storytrack.dedup.DedupConfig;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storytrack dedup} on Spark: {@code spark-submit --class dev.storytrack.spark.DedupJob
 * storytrack-spark-jobs.jar [options] INPUT...}. See docs/spark.md.
 */
@Command(
    name = "DedupJob",
    mixinStandardHelpOptions = true,
    description = "Near-duplicate groups and deduplicated records of a corpus, on Spark.")
public final class DedupJob implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "files, directories or globs on any Hadoop file system")
  List<String> inputs;

  @Option(
      names = "--format",
      description = "input: ${COMPLETION-CANDIDATES} (default: by extension)")
  SparkInputs.Kind format = SparkInputs.Kind.AUTO;

  @Option(names = "--groups", paramLabel = "DIR", description = "write the duplicate groups here")
  String groups;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description = "write the records without duplicates here")
  String keep;

  @Option(
      names = "--output-format",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Outputs.Kind outputFormat = Outputs.Kind.JSONL;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "Jaccard threshold (default: ${DEFAULT-VALUE})")
  double threshold = DedupConfig.DEFAULT_THRESHOLD;

  @Option(
      names = "--shingle-size",
      paramLabel = "K",
      description = "words per shingle (default: ${DEFAULT-VALUE})")
  int shingleSize = DedupConfig.DEFAULT_SHINGLE_SIZE;

  @Option(
      names = "--signature-size",
      paramLabel = "N",
      description = "MinHash components (default: ${DEFAULT-VALUE})")
  int signatureSize = DedupConfig.DEFAULT_SIGNATURE_SIZE;

  @Option(names = "--no-clean", description = "compare the text as given, without cleaning")
  boolean noClean;

  @Option(
      names = "--bucket-block",
      paramLabel = "N",
      description =
          "split LSH buckets larger than this into blocks verified by separate tasks (default: ${DEFAULT-VALUE})")
  int bucketBlock = 2000;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "shuffle partitions (default: one per 8 input splits, at least Spark's default parallelism)")
  int partitions;

  @Option(
      names = "--master",
      description = "Spark master when not set by spark-submit, e.g. local[*]")
  String master;

  public static void main(String[] args) {
    System.exit(Jobs.execute(new DedupJob(), args));
  }

  @Override
  public Integer call() throws Exception {
    SparkDedup.Params params;
    try {
      DedupConfig config =
          DedupConfig.defaults()
              .withThreshold(threshold)
              .withShingleSize(shingleSize)
              .withSignatureSize(signatureSize);
      params = SparkDedup.Params.of(config, !noClean, bucketBlock, Math.max(1, partitions));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    try (SparkSession spark = Jobs.session("storytrack dedup", master)) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      long start = System.nanoTime();
      SparkInputs.Problems problems = SparkInputs.Problems.register(sc);
      JavaRDD<Rec> records = SparkInputs.read(spark, inputs, format, problems);
      if (partitions <= 0) {
        params =
            new SparkDedup.Params(
                params.threshold(),
                params.shingleSize(),
                params.signatureSize(),
                params.maxBands(),
                params.maxMiss(),
                params.clean(),
                params.bucketBlock(),
                SparkDedup.defaultPartitions(sc, records));
      }
      SparkDedup.Result r = SparkDedup.run(sc, records, params);
      if (groups != null) Outputs.writeGroups(spark, r.groups(), groups, outputFormat);
      if (keep != null) {
        JavaRDD<Rec> again = SparkInputs.read(spark, inputs, format, null);
        Outputs.writeArticles(spark, SparkDedup.kept(again, r.dropped()), keep, outputFormat);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long skipped = problems.count().value() + r.failed();
      if (skipped > 0) {
        System.err.printf(Locale.ROOT, "storytrack: skipped %d malformed record(s)%n", skipped);
        for (String p : problems.reasons().value()) System.err.println("  " + p);
        for (String p : r.problems()) System.err.println("  " + p);
      }
      System.out.printf(Locale.ROOT, "documents              %d%n", r.documents());
      System.out.printf(Locale.ROOT, "exact duplicates       %d%n", r.exactDuplicates());
      System.out.printf(
          Locale.ROOT,
          "near-duplicate groups  %d (%d documents dropped in all)%n",
          r.groupCount(),
          r.duplicates());
      System.out.printf(Locale.ROOT, "empty / skipped        %d / %d%n", r.empty(), skipped);
      System.out.printf(
          Locale.ROOT,
          "split buckets          %d (larger than %d)%n",
          r.heavyBuckets(),
          bucketBlock);
      System.out.printf(
          Locale.ROOT,
          "time                   %.1f s, %.0f docs/s (LSH %d bands x %d rows)%n",
          seconds,
          seconds > 0 ? r.documents() / seconds : 0,
          r.plan().bands(),
          r.plan().rows());
    }
    return 0;
  }
}
