package dev.storytrack.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.Story;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storytrack cluster} on Spark: {@code spark-submit --class dev.storytrack.spark.ClusterJob
 * storytrack-spark-jobs.jar [options] INPUT...}. See docs/spark.md.
 */
@Command(
    name = "ClusterJob",
    mixinStandardHelpOptions = true,
    description =
        "Stories of a corpus on Spark: time windows clustered side by side, joined at the boundaries.")
public final class ClusterJob implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "files, directories or globs on any Hadoop file system")
  List<String> inputs;

  @Option(
      names = "--format",
      description = "input: ${COMPLETION-CANDIDATES} (default: by extension)")
  SparkInputs.Kind format = SparkInputs.Kind.AUTO;

  @Option(
      names = "--assignments",
      paramLabel = "DIR",
      description = "write {\"id\", \"story\"} per article here")
  String assignments;

  @Option(
      names = "--stories",
      paramLabel = "DIR",
      description = "write one story summary per line here")
  String stories;

  @Option(
      names = "--output-format",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Outputs.Kind outputFormat = Outputs.Kind.JSONL;

  @Option(
      names = "--partition-days",
      description = "days per time window run as one task (default: ${DEFAULT-VALUE})")
  int partitionDays = 120;

  @Option(
      names = "--overlap-days",
      description =
          "lead-in: days of the previous window replayed first (default: ${DEFAULT-VALUE})")
  int overlapDays = 60;

  @Option(
      names = "--window-days",
      description =
          "days without articles before a story goes quiet "
              + "(default: 0, the link model's horizon, as in the CLI)")
  int windowDays = 0;

  @Option(
      names = "--window-articles",
      description =
          "articles that must also follow a story's last one "
              + "before it goes quiet; a window's lead-in reaches back to hold this many (default: ${DEFAULT-VALUE}: "
              + "days alone decide, as in the CLI)")
  int windowArticles = ClusterOptions.DEFAULT_WINDOW_ARTICLES;

  @Option(
      names = "--threshold",
      description = "link probability to join a story (default: learned)")
  Double threshold;

  @Option(
      names = "--partitions",
      description = "shuffle partitions (default: Spark's default parallelism)")
  int partitions;

  @Option(
      names = "--master",
      description = "Spark master when not set by spark-submit, e.g. local[*]")
  String master;

  public static void main(String[] args) {
    System.exit(Jobs.execute(new ClusterJob(), args));
  }

  @Override
  public Integer call() throws Exception {
    try {
      new SparkCluster.Params(
          partitionDays, overlapDays, windowDays, Double.NaN, 1, windowArticles);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    try (SparkSession spark = Jobs.session("storytrack cluster", master)) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      SparkCluster.Params params =
          new SparkCluster.Params(
              partitionDays,
              overlapDays,
              windowDays,
              threshold == null ? Double.NaN : threshold,
              partitions > 0 ? partitions : sc.defaultParallelism(),
              windowArticles);
      long start = System.nanoTime();
      SparkInputs.Problems problems = SparkInputs.Problems.register(sc);
      JavaRDD<Rec> records = SparkInputs.read(spark, inputs, format, problems);
      SparkCluster.Result r = SparkCluster.run(records, params);
      if (assignments != null) {
        var rows = r.assignments().map(t -> RowFactory.create(t._1(), t._2()));
        StructType schema =
            new StructType()
                .add("id", DataTypes.StringType, false)
                .add("story", DataTypes.StringType, false);
        Outputs.write(spark.createDataFrame(rows, schema), assignments, outputFormat);
      }
      if (stories != null) {
        if (outputFormat == Outputs.Kind.JSONL) {
          JavaRDD<String> lines =
              r.stories()
                  .mapPartitions(
                      it -> {
                        ObjectMapper json = new ObjectMapper();
                        java.util.List<String> out = new java.util.ArrayList<>();
                        while (it.hasNext())
                          out.add(json.writeValueAsString(toJson(json, it.next())));
                        return out.iterator();
                      });
          spark
              .createDataset(lines.rdd(), Encoders.STRING())
              .write()
              .mode(SaveMode.ErrorIfExists)
              .text(stories);
        } else {
          Outputs.write(
              spark.createDataFrame(r.stories().map(ClusterJob::row), STORY),
              stories,
              outputFormat);
        }
      }
      long count = r.stories().count();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (r.replaced() > 0) {
        System.err.printf(
            Locale.ROOT,
            "storytrack: %d record(s) replaced by a later record with the same id (the later"
                + " record is kept)%n",
            r.replaced());
      }
      if (problems.count().value() > 0) {
        System.err.printf(
            Locale.ROOT, "storytrack: skipped %d malformed record(s)%n", problems.count().value());
        for (String p : problems.reasons().value()) System.err.println("  " + p);
      }
      System.out.printf(
          Locale.ROOT,
          "stories %d, windows %d, boundary joins %d, %.1f s%n",
          count,
          r.windows(),
          r.joins(),
          seconds);
    }
    return 0;
  }

  static final StructType STORY =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("title", DataTypes.StringType)
          .add("firstSeen", DataTypes.TimestampType)
          .add("lastSeen", DataTypes.TimestampType)
          .add("origin", DataTypes.StringType)
          .add("size", DataTypes.IntegerType, false)
          .add("active", DataTypes.BooleanType, false)
          .add("sources", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
          .add("topTerms", DataTypes.createArrayType(DataTypes.StringType))
          .add("topEntities", DataTypes.createArrayType(DataTypes.StringType))
          .add("articles", DataTypes.createArrayType(DataTypes.StringType));

  static org.apache.spark.sql.Row row(SparkCluster.StoryOut s) {
    return RowFactory.create(
        s.id(),
        s.title(),
        s.firstSeen() == null ? null : java.sql.Timestamp.from(s.firstSeen()),
        s.lastSeen() == null ? null : java.sql.Timestamp.from(s.lastSeen()),
        s.origin(),
        s.size(),
        s.active(),
        scala.jdk.javaapi.CollectionConverters.asScala(s.sources()),
        seq(s.topTerms()),
        seq(s.topEntities()),
        seq(s.articles()));
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  /** The CLI's story line ({@code storytrack cluster --stories}), written by the core. */
  static ObjectNode toJson(ObjectMapper json, SparkCluster.StoryOut s) {
    return new Story(
            s.id(),
            s.firstSeen(),
            s.lastSeen(),
            s.articles(),
            s.sources(),
            s.title(),
            s.topTerms(),
            s.topEntities(),
            s.origin(),
            s.active())
        .toJson();
  }
}
