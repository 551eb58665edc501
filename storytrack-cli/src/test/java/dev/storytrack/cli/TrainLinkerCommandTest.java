package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval train-linker} writes a model users can read, learned as its options say. */
class TrainLinkerCommandTest {
  @TempDir Path dir;

  private JsonNode train(String... extra) throws Exception {
    Path[] set = EvalPeersCommandTest.set(dir.resolve("set"), "Ohio", "Texas");
    Path out = dir.resolve("model-" + extra.length);
    String[] args = {
      "eval",
      "train-linker",
      "--articles",
      set[0].toString(),
      "--gold",
      set[1].toString(),
      "--out",
      out.toString()
    };
    String[] all =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
            .toArray(String[]::new);
    CliRun r = CliRun.of(all);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(out.resolve("model.json").toFile());
  }

  @Test
  void byDefaultTheModelAlsoLearnsFromItsOwnStories() throws Exception {
    JsonNode m = train();
    assertThat(m.get("features").toString()).contains("log_span_days", "dated_log_size");
    assertThat(m.get("trainedOn").asText()).contains("then the model's own stories");
  }

  @Test
  void noOwnStoriesLearnsFromTheGoldReplayAlone() throws Exception {
    JsonNode m = train("--no-own-stories");
    assertThat(m.get("trainedOn").asText())
        .contains("pairs (gold replay)")
        .doesNotContain("own stories");
  }

  @Test
  void theModelsOwnStoriesAddPairsToLearnFrom() throws Exception {
    // The set is dated, so clustering it with the first model meets pairs the gold replay did not:
    // the description's pair count tells whether the trainer really took the second stage.
    assertThat(pairs(train())).isGreaterThan(pairs(train("--no-own-stories")));
  }

  private static int pairs(JsonNode model) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+) positive and (\\d+) negative")
            .matcher(model.get("trainedOn").asText());
    assertThat(m.find()).as(model.get("trainedOn").asText()).isTrue();
    return Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
  }
}
