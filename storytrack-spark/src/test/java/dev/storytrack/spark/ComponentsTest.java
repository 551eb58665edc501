package dev.storytrack.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class ComponentsTest {
  static SparkSession spark;
  static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    spark = TestSpark.start();
    sc = TestSpark.context(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void matchesUnionFindOnRandomGraphs() {
    Random random = new Random(7);
    for (int round = 0; round < 2; round++) {
      int nodes = 300;
      List<Tuple2<Long, Long>> edges = new ArrayList<>();
      // Sparse random edges plus a long path, the worst case for label propagation.
      for (int i = 0; i < 200; i++) {
        edges.add(new Tuple2<>((long) random.nextInt(nodes), (long) random.nextInt(nodes)));
      }
      for (long i = nodes; i < nodes + 60; i++) edges.add(new Tuple2<>(i + 1, i));
      Map<Long, Long> expected = unionFind(edges);
      Map<Long, Long> actual =
          new HashMap<>(Components.roots(sc.parallelizePairs(edges, 3), 3).collectAsMap());
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void noEdgesNoNodes() {
    assertThat(Components.roots(sc.parallelizePairs(List.<Tuple2<Long, Long>>of(), 2), 2).count())
        .isZero();
  }

  private static Map<Long, Long> unionFind(List<Tuple2<Long, Long>> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (Tuple2<Long, Long> e : edges) {
      if (e._1().equals(e._2())) continue;
      parent.putIfAbsent(e._1(), e._1());
      parent.putIfAbsent(e._2(), e._2());
      long a = find(parent, e._1());
      long b = find(parent, e._2());
      if (a != b) parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Long, Long> out = new HashMap<>();
    for (Long n : parent.keySet()) out.put(n, find(parent, n));
    return out;
  }

  private static long find(Map<Long, Long> parent, long x) {
    while (parent.get(x) != x) x = parent.get(x);
    return x;
  }
}
