package dev.storytrack.dedup.bench;

import dev.storytrack.article.Article;
import dev.storytrack.bench.BenchResources;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DocSignature;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
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
 * Per-document cost of cleaning on dedup's path, on the same news-length plain text as {@link
 * SignatureBenchmark} (a seed article plus a fixture, about 640 words in 30 paragraphs): {@code
 * extract} is the whole extraction (removal list and language guess included), {@code cleanText}
 * what {@code storytrack dedup} calls (no language guess), and {@code cleanAndSign} one dedup
 * worker's work per document. Run with {@code bench/jmh.sh CleaningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CleaningBenchmark {
  private final Extractor extractor = Extractor.defaults();
  private Article article;
  private NearDuplicateIndex index;

  @Setup
  public void setUp() {
    String text =
        BenchResources.text("/seeds/000_4a850577689245d9.txt")
            + "\n\n"
            + BenchResources.text("/fixtures/mosul-offensive.txt");
    article =
        Article.ofText("a", "US-backed force tracks Syria extremists after caliphate falls", text);
    index = new NearDuplicateIndex(DedupConfig.defaults());
  }

  @Benchmark
  public Extraction extract() {
    return extractor.extract(article);
  }

  @Benchmark
  public String cleanText() {
    return extractor.cleanText(article);
  }

  @Benchmark
  public DocSignature cleanAndSign() {
    return index.sign(extractor.cleanText(article));
  }
}
