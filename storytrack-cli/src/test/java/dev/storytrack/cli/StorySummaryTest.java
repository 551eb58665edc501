package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A story's summary (key names by kind, lead sentence, outlets) in story, story --json and the API.
 */
class StorySummaryTest extends ApiFixture {
  @Test
  void storyShowsKeyNamesLeadAndOutlets() throws Exception {
    String storeDir = dir.resolve("cli").toString();
    assertThat(CliRun.of("ingest", "../examples", "--store", storeDir).code()).isZero();
    String id =
        Json.MAPPER
            .readTree(CliRun.of("stories", "--json", "--store", storeDir).out())
            .at("/stories/0/id")
            .asText();

    JsonNode summary =
        Json.MAPPER
            .readTree(CliRun.of("story", id, "--json", "--store", storeDir).out())
            .get("summary");
    assertThat(summary.get("lead").asText())
        .startsWith("BEIRUT: A US-backed force said Tuesday")
        .endsWith("declared defeated.");
    assertThat(summary.get("places")).extracting(JsonNode::asText).contains("Syria");
    assertThat(summary.get("people")).extracting(JsonNode::asText).contains("Mustefa Bali");
    assertThat(summary.get("otherNames"))
        .extracting(JsonNode::asText)
        .contains("Syrian Democratic Forces")
        .doesNotContain("Syria", "Mustefa Bali");
    assertThat(summary.get("outlets").size()).isPositive();

    CliRun text = CliRun.of("story", id, "--store", storeDir);
    assertThat(text.out())
        .contains("BEIRUT: A US-backed force said Tuesday")
        .contains("People: ")
        .contains("Mustefa Bali")
        .contains("Places: ")
        .contains("Syria")
        .contains("Outlets: ");

    assertThat(post("/api/articles", examplesAsJsonl()).statusCode()).isEqualTo(200);
    JsonNode api =
        json(get("/api/stories/" + store.article(A).orElseThrow().story())).get("summary");
    assertThat(api.get("lead").asText()).isEqualTo(summary.get("lead").asText());
    assertThat(api.get("people")).isEqualTo(summary.get("people"));
  }
}
