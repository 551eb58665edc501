package dev.storytrack.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job entry points as spark-submit runs them: arguments, outputs, one-line errors. */
class JobsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void loopback() {
    // What spark-submit's --conf would pass; SparkConf reads spark.* system properties.
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.sql.shuffle.partitions", "2");
  }

  @Test
  void dedupJobWritesGroupsAndKeptRecords() throws Exception {
    String text =
        "the harbour council approved a new budget for schools roads and the old library "
            + "after a long debate that ran late into the night with many residents";
    Path in = dir.resolve("in.jsonl");
    Files.writeString(
        in,
        String.join(
            "\n",
            "{\"id\":\"a\",\"text\":\"" + text + "\",\"published\":\"2024-01-02T00:00:00Z\"}",
            "{\"id\":\"b\",\"text\":\"" + text + " today\"}",
            "{\"id\":\"c\",\"text\":\"an unrelated note about the weather in the mountains this week\"}",
            "{\"id\":\"a2\",\"text\":\"" + text + "\",\"published\":\"2024-01-01T00:00:00Z\"}",
            "not json",
            ""));
    int rc =
        Jobs.execute(
            new DedupJob(),
            new String[] {
              "--master",
              "local[2]",
              "--partitions",
              "2",
              in.toString(),
              "--groups",
              dir.resolve("groups").toString(),
              "--keep",
              dir.resolve("kept").toString()
            });
    assertThat(rc).isZero();
    List<String> groups = lines(dir.resolve("groups"));
    assertThat(groups).hasSize(1);
    // a2 is the earliest published: it represents the group.
    assertThat(groups.get(0)).startsWith("{\"representative\":\"a2\",\"members\":[{\"id\":\"a\"");
    assertThat(String.join("\n", lines(dir.resolve("kept"))))
        .contains("\"id\":\"a2\"")
        .contains("\"id\":\"c\"")
        .doesNotContain("\"id\":\"b\"");
  }

  @Test
  void badArgumentsGiveOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int rc;
    try {
      rc = Jobs.execute(new DedupJob(), new String[] {"--threshold", "1.5", "x.jsonl"});
    } finally {
      System.setErr(old);
    }
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("storytrack: threshold must be in (0, 1): 1.5 (see --help)");
  }

  private static List<String> lines(Path outDir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(outDir)) {
      for (Path p :
          s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String l : Files.readAllLines(p)) if (!l.isBlank()) out.add(l);
      }
    }
    return out;
  }
}
