package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractionCommandTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    String[] full = new String[args.length + 2];
    full[0] = "eval";
    full[1] = "extraction";
    System.arraycopy(args, 0, full, 2, args.length);
    return CliRun.of(full);
  }

  /** A two-page benchmark in Scrapinghub's layout. */
  private Path scrapinghubLike() throws IOException {
    Files.createDirectories(dir.resolve("html"));
    Files.writeString(
        dir.resolve("ground-truth.json"),
        "{\"a\": {\"articleBody\": \"one two three four five six\", \"url\": \"http://x/a\"},"
            + " \"b\": {\"articleBody\": \"seven eight nine ten eleven\", \"url\": \"http://x/b\"}}");
    for (String id : new String[] {"a", "b"}) {
      try (OutputStream o =
          new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
        o.write("<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8));
      }
    }
    return dir;
  }

  @Test
  void scoresPredictionsFileWithShingleMetric() throws IOException {
    Path data = scrapinghubLike();
    Path pred = dir.resolve("pred.json");
    // a: perfect; b: nothing. P averages over pages with output (1.0), R over all (0.5).
    Files.writeString(
        pred,
        "{\"version\": \"1\", \"output\": {\"a\": {\"articleBody\": \"one two three four five six\"}, \"b\": {\"articleBody\": \"\"}}}");
    CliRun r =
        run(
            "--dataset",
            "scrapinghub",
            "--path",
            data.toString(),
            "--predictions",
            pred.toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"precision\":1.0")
        .contains("\"recall\":0.5")
        .contains("\"pages\":2");
  }

  @Test
  void runsTheExtractorAndReportsSpeedAndMemory() throws IOException {
    Path data = scrapinghubLike();
    CliRun r = run("--dataset", "scrapinghub", "--path", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("F1").contains("pages/s").contains("peak heap");
  }

  @Test
  void unknownDatasetIsAOneLineError() throws IOException {
    CliRun r = run("--dataset", "nope", "--path", dir.toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err().strip()).contains("unknown dataset 'nope'").doesNotContain("\n");
  }

  @Test
  void badSplitIsUsageError() throws IOException {
    CliRun r = run("--dataset", "wcxb", "--path", dir.toString(), "--split", "train");
    assertThat(r.code()).isEqualTo(Main.USAGE);
  }

  @Test
  void theBlockModelIsAnOptionAndABrokenModelFileIsOneLine() throws IOException {
    Path data = scrapinghubLike();
    CliRun model = run("--dataset", "scrapinghub", "--path", data.toString(), "--blocks", "model");
    assertThat(model.code()).as(model.err()).isZero();
    assertThat(model.out()).contains("blocks      model").contains("F1");
    CliRun bad = run("--dataset", "scrapinghub", "--path", data.toString(), "--blocks", "learned");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("unknown block mode 'learned'");
    Path file = dir.resolve("block-model.json");
    Files.writeString(file, "{\"format\": \"storytrack-block-model\", \"version\": 9}");
    CliRun old =
        run(
            "--dataset",
            "scrapinghub",
            "--path",
            data.toString(),
            "--blocks",
            "combined",
            "--block-model",
            file.toString());
    assertThat(old.code()).isEqualTo(Main.FAILURE);
    assertThat(old.err().strip())
        .startsWith("storytrack: " + file + ": block model version 9")
        .doesNotContain("\n");
  }

  @Test
  void learnBlocksNeedsTheThreeBenchmarks() {
    CliRun r =
        CliRun.of(
            "eval",
            "learn-blocks",
            "--data",
            dir.toString(),
            "--out",
            dir.resolve("m.json").toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err().strip()).contains("scrapinghub-aeb").doesNotContain("\n");
    assertThat(dir.resolve("m.json")).doesNotExist();
  }
}
