package dev.storytrack.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** A small local Spark for tests: two threads on loopback, no UI, few shuffle partitions. */
final class TestSpark {
  private TestSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .appName("storytrack-test")
        .master("local[2]")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", false)
        .config("spark.sql.shuffle.partitions", 4)
        .config("spark.default.parallelism", 4)
        .config(KryoSetup.configure(new org.apache.spark.SparkConf()))
        .getOrCreate();
  }

  static JavaSparkContext context(SparkSession spark) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext());
  }
}
