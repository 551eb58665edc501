package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzz targets for every reader (feeds included), the gzip decoder, the date parser and the article
 * JSON the API and JSONL share. The promise checked: hostile bytes never throw out of a reader, and
 * whatever a reader delivers is storable ({@link ArticleLimits}). {@code ./mvnw verify} runs the
 * stored seeds (regression mode); {@code JAZZER_FUZZ=1} explores, see {@code docs/reliability.md}.
 */
class ReadersFuzzTest {
  private static List<Article> read(byte[] bytes, String name, Format format) {
    List<Article> out = new ArrayList<>();
    List<ReadProblem> problems = new ArrayList<>();
    ArticleReaders.readStream(
        new ByteArrayInputStream(bytes), name, name, format, out::add, problems::add);
    for (ReadProblem p : problems) assertThat(p.toString()).doesNotContain("\n");
    for (Article a : out) assertThat(ArticleLimits.problem(a)).as(a.id()).isNull();
    return out;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      gz.write(data);
    }
    return b.toByteArray();
  }

  @FuzzTest(maxDuration = "10s")
  void text(byte[] bytes) {
    read(bytes, "page.txt", Format.TEXT);
  }

  @FuzzTest(maxDuration = "10s")
  void html(byte[] bytes) {
    read(bytes, "page.html", Format.HTML);
  }

  @FuzzTest(maxDuration = "10s")
  void jsonl(byte[] bytes) {
    read(bytes, "in.jsonl", Format.JSONL);
  }

  @FuzzTest(maxDuration = "10s")
  void warc(byte[] bytes) {
    read(bytes, "crawl.warc", Format.WARC);
  }

  @FuzzTest(maxDuration = "10s")
  void feed(byte[] bytes) {
    read(bytes, "feed.xml", Format.FEED);
  }

  /** Raw bytes as gzip, and valid gzip cut at a fuzzed point: records before the cut survive. */
  @FuzzTest(maxDuration = "10s")
  void gzip(FuzzedDataProvider data) throws IOException {
    boolean raw = data.consumeBoolean();
    int cut = data.consumeInt(0, Integer.MAX_VALUE);
    byte[] payload = data.consumeRemainingAsBytes();
    if (raw) {
      read(payload, "in.jsonl.gz", Format.JSONL);
      return;
    }
    byte[] gz = gzip(payload);
    byte[] truncated = java.util.Arrays.copyOf(gz, Math.floorMod(cut, gz.length + 1));
    List<Article> whole = read(gz, "in.jsonl.gz", Format.JSONL);
    List<Article> part = read(truncated, "in.jsonl.gz", Format.JSONL);
    // What a cut file yields is a prefix of what the whole file yields.
    assertThat(whole.subList(0, Math.min(part.size(), whole.size()))).isEqualTo(part);
  }

  @FuzzTest(maxDuration = "10s")
  void dates(String s) {
    if (s == null) return;
    Instant strict = IsoDates.parseIso(s);
    Instant lenient = IsoDates.parseLenient(s);
    if (lenient != null) assertThat(ArticleLimits.inRange(lenient)).isTrue();
    if (strict != null && ArticleLimits.inRange(strict)) assertThat(lenient).isEqualTo(strict);
  }

  /**
   * The article JSON of JSONL lines and API bodies: a valid article or an IllegalArgumentException.
   */
  @FuzzTest(maxDuration = "10s")
  void articleJson(String line) {
    if (line == null) return;
    Article a;
    try {
      a = ArticleJson.fromLine(line);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(ArticleLimits.problem(a)).isNull();
    // What is stored reads back the same.
    assertThat(ArticleJson.fromLine(ArticleJson.toLine(a))).isEqualTo(a);
  }
}
