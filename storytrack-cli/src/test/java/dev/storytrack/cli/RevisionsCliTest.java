package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionsCliTest {
  @TempDir Path dir;

  static final String ID = "000_4a850577689245d9";
  static final String KEPT = "The US-backed alliance is now";
  static final String NOTE =
      "Correction: An earlier version of this article misstated the date Baghouz fell.";

  /** The seeds as JSON Lines; {@code edit} rewrites the first one's text as its site would. */
  static Path jsonl(Path dir, String name, boolean edit) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../examples"))) {
      for (Path p : files.sorted().toList()) {
        String all = Files.readString(p, StandardCharsets.UTF_8).strip();
        int nl = all.indexOf('\n');
        String id = p.getFileName().toString().replace(".txt", "");
        String title = all.substring(0, nl).strip();
        String text = all.substring(nl + 1).strip();
        if (edit && id.equals(ID)) {
          title = title + " (updated)";
          text = text.replace("March 23", "March 24").replace(KEPT, NOTE + "\n\n" + KEPT);
        }
        ObjectNode o =
            Json.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("title", title)
                .put("text", text)
                .put("url", "https://example.org/" + id);
        lines.add(Json.MAPPER.writeValueAsString(o));
      }
    }
    Path f = dir.resolve(name);
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void ingestingAnEditedRecordKeepsTheEarlierRevisionAndStoryShowsWhatChanged() throws Exception {
    String store = dir.resolve("data").toString();
    CliRun first = CliRun.of("ingest", jsonl(dir, "v1.jsonl", false).toString(), "--store", store);
    assertThat(first.code()).as(first.err()).isZero();
    CliRun same =
        CliRun.of("ingest", jsonl(dir, "v1-again.jsonl", false).toString(), "--store", store);
    assertThat(same.err()).contains("2 unchanged");
    CliRun edited = CliRun.of("ingest", jsonl(dir, "v2.jsonl", true).toString(), "--store", store);
    assertThat(edited.code()).as(edited.err()).isZero();
    assertThat(edited.err()).contains("2 articles");

    String story =
        Json.MAPPER
            .readTree(CliRun.of("stories", "--json", "--store", store).out())
            .at("/stories/0/id")
            .asText();
    JsonNode detail =
        Json.MAPPER.readTree(CliRun.of("story", story, "--json", "--store", store).out());
    JsonNode byId = null;
    JsonNode other = null;
    for (JsonNode a : detail.get("articles")) {
      if (a.get("id").asText().equals(ID)) byId = a;
      else other = a;
    }
    assertThat(other.get("revisions")).hasSize(1);
    assertThat(other.at("/revisions/0/changes").isNull()).isTrue();
    JsonNode revs = byId.get("revisions");
    assertThat(revs).extracting(r -> r.get("revision").asInt()).containsExactly(1, 2);
    assertThat(revs.get(0).get("changes").isNull()).isTrue();
    assertThat(revs.get(0).get("title").asText()).doesNotEndWith("(updated)");
    assertThat(revs.get(0).get("seen").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode c = revs.get(1).get("changes");
    assertThat(c.at("/headline/after").asText()).endsWith("(updated)");
    assertThat(c.get("added")).extracting(g -> g.get("text").asText()).containsExactly(NOTE);
    assertThat(c.get("dropped")).isEmpty();
    assertThat(c.get("variants"))
        .anySatisfy(
            v -> {
              assertThat(v.get("before").asText()).isEqualTo("23");
              assertThat(v.get("after").asText()).isEqualTo("24");
              assertThat(v.get("kind").asText()).isEqualTo("date");
            });
    assertThat(c.get("correction").asBoolean()).isTrue();

    CliRun human = CliRun.of("story", story, "--store", store);
    assertThat(human.out())
        .contains("Revisions")
        .contains(ID + "  2 revisions")
        .contains("! correction: Correction:")
        .contains("~ date: 23 -> 24")
        .contains("+ Correction: An earlier version")
        .contains("-> US-backed force tracks Syria extremists after ‘caliphate’ falls (updated)");
  }
}
