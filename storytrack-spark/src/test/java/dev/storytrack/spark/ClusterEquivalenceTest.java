package dev.storytrack.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.ClusteringScores;
import dev.storytrack.eval.EvalData;
import dev.storytrack.eval.GiveMe5W1H;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.TermStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/** The Spark clustering job against the single-machine clusterer on giveme5w1h (B-cubed F1). */
class ClusterEquivalenceTest {
  static final Path DATA = Path.of("..", "shared", "data", "giveme5w1h", "data");
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void bcubedWithinOneHundredthOfTheSingleMachineRun(@TempDir Path dir) throws Exception {
    Path data = Files.isDirectory(DATA) ? DATA : Path.of("/work/shared/data/giveme5w1h/data");
    Assumptions.assumeTrue(Files.isDirectory(data),
        "giveme5w1h not found under ../shared/data: the clustering equivalence needs it");
    GiveMe5W1H.Converted set = GiveMe5W1H.read(data);
    Path articles = dir.resolve("articles.jsonl");
    EvalData.writeArticles(articles, set.articles());

    // The CLI's way: clean, publication order, one clusterer over everything.
    Extractor extractor = Extractor.defaults();
    List<Article> cleaned = new ArrayList<>();
    for (Article a : set.articles()) cleaned.add(extractor.extract(a).article());
    StoryClusterer single = new StoryClusterer(LinkModel.shipped(), TermStats.background(),
        ClusterOptions.defaults());
    single.addAll(PublicationOrder.sort(cleaned));
    single.finish();
    ClusteringScores expected = ClusteringScores.compute(single.assignments(), set.gold());

    // 90-day partitions with the story window (30 days) as lead-in: the set spans five years.
    SparkCluster.Result r = SparkCluster.run(
        SparkInputs.read(spark, List.of(articles.toString()), SparkInputs.Kind.AUTO, null),
        new SparkCluster.Params(120, 60, 30, Double.NaN, 4));
    Map<String, String> predicted = new HashMap<>();
    for (Tuple2<String, String> t : r.assignments().collect()) predicted.put(t._1(), t._2());
    ClusteringScores actual = ClusteringScores.compute(predicted, set.gold());

    System.out.printf("single %s%nspark  %s%n", expected.format(), actual.format());
    assertThat(r.windows()).isGreaterThan(5);
    assertThat(predicted).hasSameSizeAs(single.assignments());
    assertThat(actual.bcubedF1()).isCloseTo(expected.bcubedF1(), org.assertj.core.data.Offset.offset(0.01));
    System.out.printf("giveme5w1h B-cubed F1: single %.4f, spark %.4f (%d windows, %d joins)%n",
        expected.bcubedF1(), actual.bcubedF1(), r.windows(), r.joins());
    long storyArticles = r.stories().map(s -> (long) s.size()).fold(0L, Long::sum);
    assertThat(storyArticles).isEqualTo(predicted.size());
  }
}
