package dev.storytrack.bench;

import dev.storytrack.Storytrack;
import dev.storytrack.article.Article;
import dev.storytrack.compare.Comparison;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Storytrack.compare} (cleaning both, alignment, verdict) on two articles of about 1,000
 * words each that share about half their text. Run with {@code bench/jmh.sh CompareBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompareBenchmark {
  private Article a;
  private Article b;

  @Setup
  public void setUp() {
    // Seed A plus two other reports vs seed B plus one of those and a third: ~1,000 words each.
    a =
        Article.ofText(
            "a",
            "",
            join(
                "/seeds/000_4a850577689245d9.txt",
                "/fixtures/mosul-offensive.txt",
                "/fixtures/raqqa-car-bomb.txt"));
    b =
        Article.ofText(
            "b",
            "",
            join(
                "/seeds/001_d615f29dd00c4665.txt",
                "/fixtures/raqqa-car-bomb.txt",
                "/fixtures/japan-earthquake.txt"));
  }

  @Benchmark
  public Comparison compare() {
    return Storytrack.compare(a, b);
  }

  private static String join(String... resources) {
    StringBuilder sb = new StringBuilder();
    for (String r : resources) {
      sb.append(BenchResources.text(r)).append("\n\n");
    }
    return sb.toString();
  }
}
