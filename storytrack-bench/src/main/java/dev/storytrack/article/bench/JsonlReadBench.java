package dev.storytrack.article.bench;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the JSONL reader on a generated file of news-sized records (about 2.5 KB of text
 * each). Run: {@code bench/jmh.sh JsonlReadBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JsonlReadBench {
  @Param({"20000"})
  int records;

  Path file;

  @Setup(Level.Trial)
  public void write() throws IOException {
    file = Files.createTempFile("bench", ".jsonl");
    SplittableRandom random = new SplittableRandom(7);
    String[] words =
        "the a force said tuesday it was chasing fighters in eastern syria as coalition warplanes pound militants caf\u00e9"
            .split(" ");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 2500) {
          text.append(words[random.nextInt(words.length)])
              .append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        ArticleJson.writeLine(
            new Article(
                "id-" + i,
                "source",
                "https://example.com/" + i,
                "Title " + i,
                Instant.ofEpochSecond(1_500_000_000L + i),
                text.toString(),
                null),
            w);
      }
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public long readAll() {
    LongAdder chars = new LongAdder();
    ArticleReaders.read(
        List.of(file.toString()),
        Format.JSONL,
        a -> chars.add(a.text().length()),
        p -> {
          throw new IllegalStateException(p.toString());
        });
    return chars.sum();
  }
}
