package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalPeersCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A labelled set of two events, three reports each, in folder {@code dir}. */
  static Path[] set(Path dir, String a, String b) throws Exception {
    Files.createDirectories(dir);
    List<String> articles = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    String[][] events = {
      {
        a + " flood bridge river closed",
        "river flood closes " + a + " bridge",
        a + " bridge river flood warning"
      },
      {
        b + " senate budget vote passed",
        "senate passes " + b + " budget vote",
        b + " budget senate vote today"
      },
    };
    for (int e = 0; e < 2; e++) {
      for (int i = 0; i < 3; i++) {
        String id = dir.getFileName() + "-" + e + "-" + i;
        articles.add(
            JSON.writeValueAsString(
                JSON.createObjectNode()
                    .put("id", id)
                    .put("title", "")
                    .put("published", "2024-01-0" + (1 + i) + "T00:00:00Z")
                    .put("text", events[e][i])));
        gold.add(
            JSON.writeValueAsString(JSON.createObjectNode().put("id", id).put("story", "e" + e)));
      }
    }
    Files.write(dir.resolve("articles.jsonl"), articles);
    Files.write(dir.resolve("gold.jsonl"), gold);
    return new Path[] {dir.resolve("articles.jsonl"), dir.resolve("gold.jsonl")};
  }

  @Test
  void printsOraclesAndTransferredThresholdsPerPeerAndSet(@TempDir Path dir) throws Exception {
    Path[] x = set(dir.resolve("setx"), "Ohio", "Texas");
    Path[] y = set(dir.resolve("sety"), "Kerala", "Bavaria");
    CliRun r =
        CliRun.of(
            "eval",
            "peers",
            "--articles",
            x[0].toString(),
            "--gold",
            x[1].toString(),
            "--articles",
            y[0].toString(),
            "--gold",
            y[1].toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| from setx | from sety |");
    List<String> rows =
        r.out()
            .lines()
            .filter(l -> l.startsWith("| single-pass") || l.startsWith("| agglomerative"))
            .toList();
    assertThat(rows).hasSize(4);
    assertThat(rows).allMatch(l -> l.contains("**1.000**") && l.contains("(oracle)"));
    assertThat(r.out()).contains("docs/s");

    CliRun j =
        CliRun.of(
            "eval",
            "peers",
            "--json",
            "--from",
            "0",
            "--to",
            "1",
            "--step",
            "0.5",
            "--articles",
            x[0].toString(),
            "--gold",
            x[1].toString(),
            "--articles",
            y[0].toString(),
            "--gold",
            y[1].toString(),
            "--name",
            "X",
            "--name",
            "Y");
    assertThat(j.code()).as(j.err()).isZero();
    JsonNode n = JSON.readTree(j.out());
    assertThat(n.get("thresholds")).hasSize(3);
    assertThat(n.get("sets")).hasSize(2);
    JsonNode peer = n.get("sets").get(0).get("peers").get(0);
    assertThat(n.get("sets").get(0).get("name").asText()).isEqualTo("X");
    assertThat(peer.get("peer").asText()).isEqualTo("single-pass");
    assertThat(peer.get("sweep")).hasSize(3);
    assertThat(peer.get("sweep").get(0).get("stories").asInt()).isEqualTo(1);
    assertThat(peer.get("transferred").get(0).get("from").asText()).isEqualTo("Y");
    assertThat(peer.get("oracle").get("bcubedF1").asDouble()).isEqualTo(1.0);
  }

  @Test
  void unpairedArticlesAndGoldAreAUsageError(@TempDir Path dir) throws Exception {
    Path[] x = set(dir.resolve("setx"), "Ohio", "Texas");
    CliRun r =
        CliRun.of(
            "eval",
            "peers",
            "--articles",
            x[0].toString(),
            "--gold",
            x[1].toString(),
            "--articles",
            x[0].toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--articles and --gold must be given the same number of times");
  }

  @Test
  void aMissingGoldFileFailsWithOneLine(@TempDir Path dir) throws Exception {
    Path[] x = set(dir.resolve("setx"), "Ohio", "Texas");
    CliRun r =
        CliRun.of(
            "eval",
            "peers",
            "--articles",
            x[0].toString(),
            "--gold",
            dir.resolve("none.jsonl").toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err().strip())
        .startsWith("storytrack: ")
        .contains("none.jsonl")
        .doesNotContain("\n");
  }
}
