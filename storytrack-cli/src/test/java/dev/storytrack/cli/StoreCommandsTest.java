package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {
  @TempDir Path dir;

  @Test
  void ingestThenListShowAndSearch() throws Exception {
    String store = dir.resolve("data").toString();
    CliRun in = CliRun.of("ingest", "../examples", "--store", store);
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.err()).contains("2 added").contains("1 story");
    CliRun again = CliRun.of("ingest", "../examples", "--store", store);
    assertThat(again.err())
        .contains("0 added")
        .contains("2 unchanged")
        .contains("2 articles, 1 story");

    JsonNode list = Json.MAPPER.readTree(CliRun.of("stories", "--json", "--store", store).out());
    assertThat(list.get("stories")).hasSize(1);
    JsonNode s = list.get("stories").get(0);
    assertThat(s.get("size").asInt()).isEqualTo(2);
    String id = s.get("id").asText();

    CliRun story = CliRun.of("story", id, "--store", store);
    assertThat(story.out()).contains("* 000_4a850577689245d9").contains("001_d615f29dd00c4665");
    JsonNode detail =
        Json.MAPPER.readTree(CliRun.of("story", id, "--json", "--store", store).out());
    assertThat(detail.get("articles")).hasSize(2);

    JsonNode hits =
        Json.MAPPER.readTree(CliRun.of("search", "Mustefa", "--json", "--store", store).out());
    assertThat(hits.get("articles"))
        .extracting(h -> h.get("id").asText())
        .containsExactly("000_4a850577689245d9");
    assertThat(CliRun.of("stories", "--query", "Mustafa Bali", "--store", store).out())
        .contains(id);
  }

  @Test
  void storyShowsTheVersionTreeWithTheLaterSeedReusingTheEarlier() throws Exception {
    String store = dir.resolve("data").toString();
    assertThat(CliRun.of("ingest", "../examples", "--store", store).code()).isZero();
    String id =
        Json.MAPPER
            .readTree(CliRun.of("stories", "--json", "--store", store).out())
            .at("/stories/0/id")
            .asText();

    JsonNode detail =
        Json.MAPPER.readTree(CliRun.of("story", id, "--json", "--store", store).out());
    JsonNode versions = detail.get("versions");
    assertThat(versions).hasSize(2);
    // undated, so in arrival order: 000 first, and the same AFP report on 001 reuses it
    JsonNode first = versions.get(0);
    JsonNode second = versions.get(1);
    assertThat(first.get("id").asText()).isEqualTo("000_4a850577689245d9");
    assertThat(first.get("origin").asBoolean()).isTrue();
    assertThat(first.get("reusedFrom")).isEmpty();
    assertThat(second.get("origin").asBoolean()).isFalse();
    assertThat(second.at("/reusedFrom/0/id").asText()).isEqualTo("000_4a850577689245d9");
    assertThat(second.get("reusedShare").asDouble()).isBetween(0.2, 1.0);
    for (String f : new String[] {"added", "dropped", "changes"})
      assertThat(second.get(f).isArray()).as(f).isTrue();
    for (JsonNode c : second.get("changes"))
      assertThat(c.get("kind").asText()).isIn("figure", "date", "name", "wording");

    CliRun human = CliRun.of("story", id, "--store", store);
    assertThat(human.out())
        .contains("Version tree")
        .contains("000_4a850577689245d9  (origin)")
        .contains("001_d615f29dd00c4665  reuses");
  }

  @Test
  void badInputIsOneLineAndMalformedRecordsAreCounted() throws Exception {
    String store = dir.resolve("data").toString();
    Path jsonl = dir.resolve("in.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\":\"x1\",\"title\":\"Flood in the valley\",\"text\":\"Rivers rose overnight.\"}\n"
            + "{not json\n"
            + "{\"title\":\"no id\"}\n",
        StandardCharsets.UTF_8);
    CliRun in = CliRun.of("ingest", jsonl.toString(), "--store", store);
    assertThat(in.code()).isZero();
    assertThat(in.err()).contains("1 added").contains("2 malformed skipped").contains("in.jsonl:2");

    CliRun badTime = CliRun.of("stories", "--since", "yesterday", "--store", store);
    assertThat(badTime.code()).isEqualTo(Main.USAGE);
    assertThat(badTime.err().lines().findFirst().orElseThrow()).contains("bad time 'yesterday'");
    CliRun noStory = CliRun.of("story", "s999", "--store", store);
    assertThat(noStory.code()).isEqualTo(Main.FAILURE);
    assertThat(noStory.err().strip()).isEqualTo("storytrack: no story s999 in " + store);
    CliRun noStore = CliRun.of("stories", "--store", dir.resolve("none").toString());
    assertThat(noStore.err().strip()).startsWith("storytrack: no store at");
  }
}
