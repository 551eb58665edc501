package dev.storytrack.version.bench;

import dev.storytrack.article.Article;
import dev.storytrack.bench.BenchResources;
import dev.storytrack.eval.versions.PlantedVersions;
import dev.storytrack.version.Version;
import dev.storytrack.version.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Versions.of} on one planted story of {@code size} versions (edited copies of copies of the
 * repository's seed and fixture articles, 200 to 600 words each, seed 1). Run with {@code
 * bench/jmh.sh VersionsBenchmark}; the target is under a second for 100 articles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VersionsBenchmark {
  static final List<String> FIXTURES =
      List.of(
          "/seeds/000_4a850577689245d9.txt",
          "/seeds/001_d615f29dd00c4665.txt",
          "/fixtures/raqqa-car-bomb.txt",
          "/fixtures/mosul-offensive.txt",
          "/fixtures/brexit-vote.txt",
          "/fixtures/japan-earthquake.txt",
          "/fixtures/baghouz-rewrite.txt");

  @Param({"100"})
  public int size;

  private List<Versions.Article> story;
  private final Versions versions = Versions.defaults();

  @Setup
  public void setUp() {
    List<Article> arts = new ArrayList<>();
    for (String f : FIXTURES) {
      arts.add(Article.ofText(f, "", BenchResources.text(f)));
    }
    story = new ArrayList<>();
    for (PlantedVersions.Planted p : PlantedVersions.story(PlantedVersions.bases(arts), size, 1)) {
      story.add(new Versions.Article(p.id(), p.text(), p.published()));
    }
  }

  @Benchmark
  public List<Version> versions() {
    return versions.of(story);
  }
}
