package dev.storytrack.spark;

import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.ClusteringScores;
import dev.storytrack.eval.EvalData;
import dev.storytrack.eval.GiveMe5W1H;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * B-cubed of the clustering job on giveme5w1h for several window settings next to the
 * single-machine run (a plain main for docs/spark.md, not a test).
 *
 * <p>Usage: {@code ClusterWindowSweep GIVEME5W1H_DATA_DIR PARTITION_DAYS/OVERLAP_DAYS...}
 */
public final class ClusterWindowSweep {
  private ClusterWindowSweep() {}

  public static void main(String[] args) throws Exception {
    GiveMe5W1H.Converted set = GiveMe5W1H.read(Path.of(args[0]));
    Path dir = Files.createTempDirectory("sweep");
    Path articles = dir.resolve("articles.jsonl");
    EvalData.writeArticles(articles, set.articles());
    StoryClusterer single = ClusterEquivalenceTest.singleMachine(set);
    System.out.println(
        "single      "
            + ClusteringScores.compute(single.assignments(), set.gold())
                .format()
                .replace('\n', ' '));
    try (SparkSession spark = TestSpark.start()) {
      for (int i = 1; i < args.length; i++) {
        String[] w = args[i].split("/");
        SparkCluster.Result r =
            SparkCluster.run(
                SparkInputs.read(spark, List.of(articles.toString()), SparkInputs.Kind.AUTO, null),
                new SparkCluster.Params(
                    Integer.parseInt(w[0]), Integer.parseInt(w[1]), 30, Double.NaN, 4));
        Map<String, String> predicted = new HashMap<>();
        for (Tuple2<String, String> t : r.assignments().collect()) predicted.put(t._1(), t._2());
        System.out.printf(
            Locale.ROOT,
            "%-11s %s (%d windows, %d joins)%n",
            args[i],
            ClusteringScores.compute(predicted, set.gold()).format().replace('\n', ' '),
            r.windows(),
            r.joins());
      }
    }
  }
}
