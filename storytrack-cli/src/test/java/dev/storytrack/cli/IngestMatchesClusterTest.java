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

  /**
   * An id that comes twice in one input is its later record everywhere (the reader says "the later
   * record is kept"): {@code cluster} and {@code ingest} put it where its later text belongs, and
   * its earlier text joins no story.
   */
  @Test
  void aRepeatedIdIsClusteredAsItsLaterRecord(@TempDir Path dir) throws Exception {
    Path fixtures = Path.of("../storytrack-core/src/test/resources/fixtures");
    List<String> seeds;
    try (var files = Files.list(Path.of("../examples"))) {
      seeds = files.map(Path::toString).sorted().toList();
    }
    List<String> lines = new ArrayList<>();
    lines.add(record("seed-a", seeds.get(0), "2019-03-26T08:00:00Z"));
    lines.add(
        record("x", fixtures.resolve("japan-earthquake.txt").toString(), "2019-03-26T09:00:00Z"));
    lines.add(
        record(
            "japan", fixtures.resolve("japan-earthquake.txt").toString(), "2019-03-26T10:00:00Z"));
    lines.add(record("seed-b", seeds.get(1), "2019-03-26T11:00:00Z"));
    lines.add(
        record("x", fixtures.resolve("baghouz-rewrite.txt").toString(), "2019-03-26T12:00:00Z"));
    Path input = dir.resolve("repeated.jsonl");
    Files.write(input, lines);

    Path stories = dir.resolve("stories.jsonl");
    CliRun c = CliRun.of("cluster", input.toString(), "--stories", stories.toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).contains("duplicate id x").contains("the later record is kept");
    Set<Set<String>> fromCluster = new HashSet<>();
    for (String l : Files.readAllLines(stories)) {
      Set<String> ids = new TreeSet<>();
      Json.MAPPER.readTree(l).get("articles").forEach(a -> ids.add(a.asText()));
      fromCluster.add(ids);
    }
    assertThat(fromCluster)
        .containsExactlyInAnyOrder(Set.of("seed-a", "seed-b", "x"), Set.of("japan"));

    String store = dir.resolve("store").toString();
    CliRun in = CliRun.of("ingest", input.toString(), "--store", store, "--batch", "1");
    assertThat(in.code()).as(in.err()).isZero();
    JsonNode list = Json.MAPPER.readTree(CliRun.of("stories", "--json", "--store", store).out());
    Set<Set<String>> fromStore = new HashSet<>();
    String xTitle = null;
    for (JsonNode st : list.get("stories")) {
      JsonNode detail =
          Json.MAPPER.readTree(
              CliRun.of("story", st.get("id").asText(), "--json", "--store", store).out());
      Set<String> ids = new TreeSet<>();
      for (JsonNode a : detail.get("articles")) {
        ids.add(a.get("id").asText());
        if (a.get("id").asText().equals("x")) xTitle = a.get("title").asText();
      }
      fromStore.add(ids);
    }
    assertThat(fromStore).isEqualTo(fromCluster);
    assertThat(xTitle).contains("Baghouz");
  }

  private static String record(String id, String file, String published) throws Exception {
    String[] parts = Files.readString(Path.of(file)).split("\n", 2);
    var n = Json.MAPPER.createObjectNode();
    n.put("id", id);
    n.put("url", "");
    n.put("source", "site-" + id);
    n.put("title", parts[0].strip());
    n.put("published", published);
    n.put("text", parts[1].strip());
    return Json.MAPPER.writeValueAsString(n);
  }

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
