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

  static Stream<String> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).toList().stream();
    }
  }
}
