package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One decision everywhere: {@code ingest FILE} stores the stories that {@code cluster FILE} prints,
 * whatever the input order and the batch size.
 */
class IngestMatchesClusterTest {
  private static final Path GIVEME = Path.of("../../shared/data/giveme5w1h/data");

  @Test
  void ingestStoresTheStoriesClusterFinds(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(GIVEME),
        "giveme5w1h not found under ../shared/data: the ingest/cluster comparison needs real news");
    Path converted = dir.resolve("g5");
    assertThat(
            CliRun.of(
                    "eval",
                    "convert-giveme5w1h",
                    "--data",
                    GIVEME.toString(),
                    "--out",
                    converted.toString())
                .code())
        .isZero();
    // Shuffled, so neither command gets the articles in time order.
    List<String> lines = new ArrayList<>(Files.readAllLines(converted.resolve("articles.jsonl")));
    Collections.shuffle(lines, new Random(7));
    Path input = dir.resolve("shuffled.jsonl");
    Files.write(input, lines);

    Path assignments = dir.resolve("assignments.jsonl");
    CliRun c = CliRun.of("cluster", input.toString(), "--assignments", assignments.toString());
    assertThat(c.code()).as(c.err()).isZero();
    Map<String, Set<String>> byStory = new TreeMap<>();
    for (String l : Files.readAllLines(assignments)) {
      JsonNode n = Json.MAPPER.readTree(l);
      byStory
          .computeIfAbsent(n.get("story").asText(), k -> new TreeSet<>())
          .add(n.get("id").asText());
    }
    Set<Set<String>> fromCluster = new HashSet<>(byStory.values());

    String store = dir.resolve("store").toString();
    CliRun in = CliRun.of("ingest", input.toString(), "--store", store, "--batch", "37");
    assertThat(in.code()).as(in.err()).isZero();
    JsonNode list =
        Json.MAPPER.readTree(
            CliRun.of("stories", "--json", "--limit", "1000", "--store", store).out());
    Set<Set<String>> fromStore = new HashSet<>();
    for (JsonNode s : list.get("stories")) {
      JsonNode detail =
          Json.MAPPER.readTree(
              CliRun.of("story", s.get("id").asText(), "--json", "--store", store).out());
      Set<String> ids = new TreeSet<>();
      for (JsonNode a : detail.get("articles")) ids.add(a.get("id").asText());
      fromStore.add(ids);
    }
    assertThat(fromCluster).hasSizeGreaterThan(10);
    assertThat(fromStore).isEqualTo(fromCluster);
  }
}
