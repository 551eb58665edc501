package dev.storytrack.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** WARC through the core's reader on executors; Parquet written and read back. */
class SparkInputsTest {
  static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark = TestSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void warcRecordsAreTheCoreReadersRecords() throws IOException {
    Path warc = dir.resolve("crawl.warc.gz");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      for (int i = 0; i < 3; i++) {
        String page =
            "<html><head><title>Story "
                + i
                + "</title></head><body><p>"
                + "The council approved the new budget for the harbour district on Monday evening. "
                + "Page "
                + i
                + ".</p></body></html>";
        w.write(
            new WarcResponse.Builder("https://news.example.com/" + i)
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .body(
                            MediaType.parse("text/html; charset=utf-8"),
                            page.getBytes(StandardCharsets.UTF_8))
                        .build())
                .build());
      }
    }
    Files.writeString(dir.resolve("notes.pdf"), "not an input"); // skipped by extension
    List<Article> expected = new ArrayList<>();
    ArticleReaders.read(List.of(warc.toString()), Format.AUTO, expected::add, p -> {});
    List<Rec> actual =
        SparkInputs.read(spark, List.of(dir.toString()), SparkInputs.Kind.AUTO, null).collect();
    assertThat(expected).hasSize(3);
    assertThat(actual).extracting(Rec::article).isEqualTo(expected);
  }

  @Test
  void aJsonlLineWithInvalidUtf8IsReportedAndSkippedAsTheCliDoes(@TempDir Path own)
      throws IOException {
    // Its own folder: the WARC test reads the shared one as a directory input.
    Path jsonl = own.resolve("in.jsonl");
    byte[] good =
        "{\"id\":\"good\",\"text\":\"The council approved the budget.\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"id\":\"bad\",\"text\":\"caf\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(jsonl, good);
    Files.write(jsonl, bad, StandardOpenOption.APPEND);
    List<String> cli = new ArrayList<>();
    List<Article> cliArticles = new ArrayList<>();
    ArticleReaders.read(
        List.of(jsonl.toString()), Format.AUTO, cliArticles::add, p -> cli.add(p.toString()));
    // Named as the CLI names it: the file's split starts the file, so lines are counted.
    assertThat(cli).singleElement().asString().endsWith("in.jsonl:2: invalid UTF-8 at byte 79");
    assertThat(problemsReading(jsonl, cliArticles))
        .singleElement()
        .asString()
        .endsWith("in.jsonl:2: invalid UTF-8 at byte 79");

    // Splits smaller than the file: a split that starts mid-file names the line's byte offset.
    var hadoop = spark.sparkContext().hadoopConfiguration();
    String key = "mapreduce.input.fileinputformat.split.maxsize";
    String saved = hadoop.get(key);
    hadoop.set(key, String.valueOf(good.length / 2));
    try {
      assertThat(problemsReading(jsonl, cliArticles))
          .singleElement()
          .asString()
          .endsWith("in.jsonl: invalid UTF-8 at byte 79");
    } finally {
      if (saved == null) hadoop.unset(key);
      else hadoop.set(key, saved);
    }
  }

  /**
   * Reads {@code file} through the job's reader, checks it gives {@code expected}: the problems.
   */
  private static List<String> problemsReading(Path file, List<Article> expected)
      throws IOException {
    SparkInputs.Problems problems =
        SparkInputs.Problems.register(
            org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()));
    List<Rec> read =
        SparkInputs.read(spark, List.of(file.toString()), SparkInputs.Kind.AUTO, problems)
            .collect();
    assertThat(read).extracting(Rec::article).isEqualTo(expected);
    return problems.reasons().value();
  }

  @Test
  void parquetRoundTrip() throws IOException {
    Path jsonl = dir.resolve("in.jsonl");
    Files.writeString(
        jsonl,
        """
        {"id":"a","title":"T","text":"one two three","published":"2024-01-02T03:04:05Z","source":"s"}
        {"id":"b","text":"four five","url":"https://x.example/b"}
        """);
    List<Rec> in =
        SparkInputs.read(spark, List.of(jsonl.toString()), SparkInputs.Kind.AUTO, null).collect();
    Path parquet = dir.resolve("articles.parquet");
    Outputs.writeArticles(
        spark,
        TestSpark.context(spark).parallelize(in, 1),
        parquet.toString(),
        Outputs.Kind.PARQUET);
    List<Rec> back =
        SparkInputs.read(spark, List.of(parquet.toString()), SparkInputs.Kind.PARQUET, null)
            .collect();
    assertThat(back).extracting(Rec::article).isEqualTo(in.stream().map(Rec::article).toList());
  }
}
