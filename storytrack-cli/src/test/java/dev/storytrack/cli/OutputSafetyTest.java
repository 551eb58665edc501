package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files never replace an input and never appear half-written. */
class OutputSafetyTest {
  @TempDir Path dir;

  static final String LINES =
      "{\"id\":\"a\",\"text\":\"Storm floods the city centre on Monday.\"}\n"
          + "{\"id\":\"b\",\"text\":\"Storm floods the city centre on Monday.\"}\n";

  @Test
  void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), LINES);
    for (String option : new String[] {"--keep", "--groups"}) {
      CliRun r = CliRun.of("dedup", in.toString(), option, in.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains(option + " " + in + " is an input");
      // the same file by another path
      CliRun other =
          CliRun.of(
              "dedup", in.toString(), option, dir.resolve(".").resolve("in.jsonl").toString());
      assertThat(other.code()).isEqualTo(2);
    }
    CliRun folder =
        CliRun.of("dedup", dir.toString(), "--keep", dir.resolve("kept.jsonl").toString());
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("lies in the input folder");
    CliRun cluster = CliRun.of("cluster", in.toString(), "--stories", in.toString());
    assertThat(cluster.code()).isEqualTo(2);
    assertThat(Files.readString(in)).isEqualTo(LINES);
  }

  @Test
  void outputsAppearWholeAndLeaveNoTemporaryFile() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), LINES);
    Path out = Files.createDirectories(dir.resolve("out"));
    Path kept = out.resolve("kept.jsonl");
    Files.writeString(kept, "old\n");
    CliRun r =
        CliRun.of(
            "dedup",
            in.toString(),
            "--keep",
            kept.toString(),
            "--groups",
            out.resolve("g.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(kept))
        .hasSize(1)
        .allSatisfy(l -> assertThat(l).contains("\"id\":\"a\""));
    assertThat(list(out)).containsExactlyInAnyOrder("kept.jsonl", "g.jsonl");
    // A write that cannot complete leaves the old file as it was.
    Path blocked = out.resolve("missing-dir").resolve("kept.jsonl");
    CliRun failed = CliRun.of("dedup", in.toString(), "--keep", blocked.toString());
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains(blocked.toString());
  }

  @Test
  void aPipeOrLinkTargetIsWrittenThroughNotReplaced() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), LINES);
    // A named pipe stands for /dev/stdout, /dev/null and the like: renaming a file over it
    // would replace the pipe (or, as root, the device) with a regular file.
    Path fifo = dir.resolve("kept.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo not available");
    java.util.concurrent.CompletableFuture<String> read =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    CliRun r = CliRun.of("dedup", in.toString(), "--keep", fifo.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS)).contains("\"id\":\"a\"");
    assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(list(dir)).containsExactlyInAnyOrder("in.jsonl", "kept.fifo");

    // A link stays a link; the file it names gets the output, keeping its permissions.
    Path real = Files.writeString(dir.resolve("real.jsonl"), "old\n");
    var mode = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(real, mode);
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());
    CliRun viaLink = CliRun.of("dedup", in.toString(), "--keep", link.toString());
    assertThat(viaLink.code()).as(viaLink.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("\"id\":\"a\"");
    assertThat(Files.getPosixFilePermissions(real)).isEqualTo(mode);
  }

  static Stream<String> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).toList().stream();
    }
  }
}
