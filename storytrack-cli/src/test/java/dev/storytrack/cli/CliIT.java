package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar in a child JVM, the way {@code ./storytrack} does. */
class CliIT {
  record Result(int code, String out, String err) {}

  static Result storytrack(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(new File("target/storytrack.jar").getAbsolutePath());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeExampleRuns() throws Exception {
    Result r =
        storytrack(
            "compare",
            "../examples/000_4a850577689245d9.txt",
            "../examples/001_d615f29dd00c4665.txt");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("SAME REPORT").contains("\nSAME STORY").contains("Mustefa");
  }

  @Test
  void exitCodesAreThoseDocumented() throws Exception {
    assertThat(storytrack("--help").code()).isZero();
    assertThat(storytrack("--bogus").code()).isEqualTo(2);
    Result missing =
        storytrack("compare", "no-such-file.txt", "../examples/000_4a850577689245d9.txt");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err().strip())
        .contains("no-such-file.txt")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void curationDecisionsHoldAcrossProcesses(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String store = dir.resolve("data").toString();
    String b = "001_d615f29dd00c4665";
    assertThat(storytrack("ingest", "../examples", "--store", store).code()).isZero();
    Result split =
        storytrack(
            "curate", "split", "s1", b, "--by", "ana", "--note", "its own story", "--store", store);
    assertThat(split.code()).as(split.err()).isZero();
    assertThat(split.out().strip())
        .isEqualTo("#1 split: " + b + " left story s1 for new story s2 (1 article)");
    // a new process replays the decision: the same article ingested again stays out of s1
    Result again = storytrack("ingest", "../examples", "--store", store);
    assertThat(again.err()).contains("2 unchanged").contains("2 articles, 2 stories");
    Result delete = storytrack("curate", "delete", b, "--store", store);
    assertThat(delete.code()).as(delete.err()).isZero();
    assertThat(storytrack("ingest", "../examples", "--store", store).err())
        .contains("1 article previously deleted, skipped")
        .contains("1 article, 1 story");
    Result unknown = storytrack("curate", "merge", "s1", "s9", "--store", store);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err().strip())
        .isEqualTo("storytrack: no story s9 in " + store + "; nothing changed");
    assertThat(storytrack("curate", "log", "--store", store).out())
        .contains("by ana: its own story")
        .contains("2 decisions");
  }

  @Test
  void aFullStandardOutputIsAFailureNotASilentSuccess() throws Exception {
    File full = new File("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "needs /dev/full (Linux)");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                new File("target/storytrack.jar").getAbsolutePath(),
                "compare",
                "../examples/000_4a850577689245d9.txt",
                "../examples/001_d615f29dd00c4665.txt")
            .redirectOutput(full)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(err).contains("cannot write to standard output");
  }
}
