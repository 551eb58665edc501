package dev.storytrack.extract.bench;

import dev.storytrack.article.Article;
import dev.storytrack.bench.BenchResources;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
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
 * Cleaning cost per document: the plain-text path (dedup hot path) on a seed article and the HTML
 * path on a news page. Run: {@code bench/jmh.sh ExtractorBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtractorBench {
  private final Extractor extractor = Extractor.defaults();
  private Article text;
  private Article html;

  @Setup
  public void load() throws IOException {
    text =
        Article.ofText(
            "s",
            "Coalition hunts down remaining 'Islamic State' fighters in Syria",
            BenchResources.text("/seeds/001_d615f29dd00c4665.txt"));
    html = new Article("n", "", "", "", null, "", BenchResources.text("/extract/news-site.html"));
  }

  @Benchmark
  public String plainText() {
    return extractor.extract(text).text();
  }

  @Benchmark
  public String html() {
    return extractor.extract(html).text();
  }
}
