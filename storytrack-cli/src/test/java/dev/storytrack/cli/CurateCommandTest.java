package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storytrack curate} run as a user runs it: merge, split, delete, the log, and refusals. */
class CurateCommandTest {
  static final String A = "000_4a850577689245d9";
  static final String B = "001_d615f29dd00c4665";

  @TempDir Path dir;

  /** The seeds (one story) and a volcano report (another), stored; returns the store folder. */
  String store() throws Exception {
    String store = dir.resolve("data").toString();
    assertThat(CliRun.of("ingest", "../examples", "--store", store).code()).isZero();
    Path volcano = dir.resolve("volcano.jsonl");
    Files.writeString(
        volcano,
        Json.MAPPER.writeValueAsString(
                Json.MAPPER
                    .createObjectNode()
                    .put("id", "volcano")
                    .put("title", "Volcano erupts near the village")
                    .put("source", "lava.example")
                    .put(
                        "text",
                        "The volcano erupted on Friday. Lava flows reached the road near the village, officials said,"
                            + " and hundreds of residents were moved to shelters."))
            + "\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.of("ingest", volcano.toString(), "--store", store).code()).isZero();
    return store;
  }

  static String storyOf(String store, String article) throws Exception {
    for (JsonNode s : stories(store).get("stories")) {
      JsonNode d =
          Json.MAPPER.readTree(
              CliRun.of("story", s.get("id").asText(), "--json", "--store", store).out());
      for (JsonNode a : d.get("articles"))
        if (a.get("id").asText().equals(article)) return s.get("id").asText();
    }
    return null;
  }

  static JsonNode stories(String store) throws Exception {
    return Json.MAPPER.readTree(CliRun.of("stories", "--json", "--store", store).out());
  }

  @Test
  void splitMergeAndDeleteAsAUserDoesThem() throws Exception {
    String store = store();
    String seeds = storyOf(store, A);
    String volcano = storyOf(store, "volcano");
    assertThat(storyOf(store, B)).isEqualTo(seeds);

    CliRun split =
        CliRun.of(
            "curate",
            "split",
            seeds,
            B,
            "--by",
            "ana",
            "--note",
            "other outlet's take",
            "--store",
            store);
    assertThat(split.code()).as(split.err()).isZero();
    String own = storyOf(store, B);
    assertThat(own).isNotEqualTo(seeds);
    assertThat(split.out().strip())
        .isEqualTo(
            "#1 split: " + B + " left story " + seeds + " for new story " + own + " (1 article)");
    assertThat(stories(store).get("total").asInt()).isEqualTo(3);

    CliRun merge = CliRun.of("curate", "merge", volcano, seeds, "--json", "--store", store);
    assertThat(merge.code()).as(merge.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(merge.out());
    assertThat(m.get("kind").asText()).isEqualTo("merge");
    assertThat(m.get("result").asText()).isEqualTo(seeds);
    assertThat(storyOf(store, "volcano")).isEqualTo(seeds);
    CliRun away = CliRun.of("story", volcano, "--store", store);
    assertThat(away.code()).isEqualTo(Main.FAILURE);
    assertThat(away.err()).contains("no story " + volcano).contains("(merged into " + seeds + ")");
    JsonNode merged =
        Json.MAPPER.readTree(CliRun.of("story", seeds, "--json", "--store", store).out());
    assertThat(merged.get("size").asInt()).isEqualTo(2);
    assertThat(merged.get("sources").has("lava.example")).isTrue();

    CliRun delete = CliRun.of("curate", "delete", B, "--note", "duplicate", "--store", store);
    assertThat(delete.code()).as(delete.err()).isZero();
    assertThat(delete.out()).contains("#3 delete: " + B + " deleted (from " + own + ")");
    assertThat(storyOf(store, B)).isNull();
    assertThat(stories(store).get("total").asInt()).isEqualTo(1);

    // the deleted id is skipped when ingested again, until restored on purpose
    CliRun again = CliRun.of("ingest", "../examples", "--store", store);
    assertThat(again.code()).isZero();
    assertThat(again.err())
        .contains("0 added")
        .contains("1 article previously deleted, skipped (first " + B);
    assertThat(storyOf(store, B)).isNull();
    CliRun restore = CliRun.of("ingest", "../examples", "--restore-deleted", "--store", store);
    assertThat(restore.err()).contains("1 added");
    assertThat(storyOf(store, B)).isNotNull();

    CliRun log = CliRun.of("curate", "log", "--store", store);
    assertThat(log.code()).isZero();
    assertThat(log.out())
        .contains("#1 split: ")
        .contains("by ana: other outlet's take")
        .contains("#2 merge: ")
        .contains("#3 delete: ")
        .contains(": duplicate")
        .contains("#4 restore: " + B)
        .contains("4 decisions");
    JsonNode json =
        Json.MAPPER.readTree(CliRun.of("curate", "log", "--json", "--store", store).out());
    List<String> kinds = new ArrayList<>();
    json.get("decisions").forEach(d -> kinds.add(d.get("kind").asText()));
    assertThat(kinds).containsExactly("split", "merge", "delete", "restore");
    assertThat(json.at("/decisions/0/by").asText()).isEqualTo("ana");
    assertThat(json.at("/decisions/1/by").asText()).isEqualTo(System.getProperty("user.name"));
  }

  @Test
  void unknownIdsAreOneLineErrorsAndChangeNothing() throws Exception {
    String store = store();
    String seeds = storyOf(store, A);
    String before = CliRun.of("stories", "--json", "--store", store).out();
    String[][] refused = {
      {"curate", "merge", seeds, "s99"},
      {"curate", "split", seeds, "nope"},
      {"curate", "split", seeds, "volcano"},
      {"curate", "delete", A, "nope"},
      {"curate", "merge", seeds, seeds}
    };
    String[] messages = {
      "no story s99",
      "no article nope",
      "article volcano is in story",
      "no article nope",
      "cannot merge story " + seeds + " with itself"
    };
    for (int i = 0; i < refused.length; i++) {
      List<String> args = new ArrayList<>(List.of(refused[i]));
      args.addAll(List.of("--store", store));
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", refused[i])).isEqualTo(Main.FAILURE);
      assertThat(r.err())
          .startsWith("storytrack: " + messages[i])
          .endsWith("; nothing changed" + System.lineSeparator());
      assertThat(r.err().strip().lines()).hasSize(1);
    }
    assertThat(CliRun.of("stories", "--json", "--store", store).out()).isEqualTo(before);
    assertThat(CliRun.of("curate", "log", "--store", store).out()).contains("0 decisions");

    Path missing = dir.resolve("missing");
    CliRun r = CliRun.of("curate", "delete", A, "--store", missing.toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err()).contains("no store at " + missing);
    assertThat(missing).doesNotExist();
    assertThat(CliRun.of("curate", "split", seeds, "--store", store).code()).isEqualTo(Main.USAGE);
  }
}
