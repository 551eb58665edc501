package dev.storytrack.extract.bench;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.eval.extraction.Benchmark;
import dev.storytrack.eval.extraction.BenchmarkPage;
import dev.storytrack.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Main-content extraction over the 181 real news pages of the Scrapinghub benchmark, one page per
 * operation in turn (so the average is over pages, each weighted alike): {@code readAndExtract}
 * from the raw bytes as a user's files go (HTML reader: charset, metadata; then the extractor),
 * {@code extract} from the decoded article only. Pages/s = 1,000,000 / the us/op figure.
 *
 * <p>Needs {@code shared/data/scrapinghub-aeb} beside the repository, or {@code
 * -Dstorytrack.data=DIR} (the folder holding {@code scrapinghub-aeb}); without it the setup stops
 * with a one-line message. Run: {@code bench/jmh.sh PageExtractionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PageExtractionBenchmark {
  private final Extractor extractor = Extractor.defaults();
  private byte[][] raw;
  private Article[] decoded;
  private int next;

  @Setup
  public void load() throws IOException {
    Path dir = dataDir();
    List<BenchmarkPage> pages = Benchmark.SCRAPINGHUB.load(dir);
    raw = new byte[pages.size()][];
    decoded = new Article[pages.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = pages.get(i).readHtml();
      decoded[i] = read(raw[i]);
    }
  }

  private static Path dataDir() {
    String given = System.getProperty("storytrack.data");
    List<Path> candidates = new ArrayList<>();
    if (given != null) candidates.add(Path.of(given).resolve("scrapinghub-aeb"));
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      candidates.add(d.resolve("shared/data/scrapinghub-aeb"));
      candidates.add(d.resolveSibling("shared").resolve("data/scrapinghub-aeb"));
    }
    for (Path c : candidates) if (Files.isDirectory(c)) return c;
    throw new IllegalStateException(
        "PageExtractionBenchmark skipped: no shared/data/scrapinghub-aeb beside the repository"
            + " (give -Dstorytrack.data=DIR)");
  }

  private static Article read(byte[] bytes) {
    List<Article> out = new ArrayList<>(1);
    ArticleReaders.read(
        List.of("-"), Format.HTML, out::add, p -> {}, new ByteArrayInputStream(bytes));
    return out.isEmpty() ? Article.ofText("empty", "", "") : out.get(0);
  }

  private int nextPage() {
    int i = next;
    next = i + 1 == raw.length ? 0 : i + 1;
    return i;
  }

  @org.openjdk.jmh.annotations.Benchmark
  public String readAndExtract() {
    return extractor.extract(read(raw[nextPage()])).text();
  }

  @org.openjdk.jmh.annotations.Benchmark
  public String extract() {
    return extractor.extract(decoded[nextPage()]).text();
  }
}
