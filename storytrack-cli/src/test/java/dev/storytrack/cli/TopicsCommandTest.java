package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topic level above stories, in the store ({@code stories}) and in {@code cluster}. */
class TopicsCommandTest {
  private static final Path FIXTURES = Path.of("../storytrack-core/src/test/resources/fixtures");

  @Test
  void storiesOfOneKindShareATopicInTheStoreAndInCluster(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    try (var files = Files.list(FIXTURES)) {
      for (Path f : files.filter(Files::isRegularFile).toList())
        Files.copy(f, in.resolve(f.getFileName()));
    }
    for (Path p : Files.list(Path.of("../examples")).toList())
      Files.copy(p, in.resolve(p.getFileName()));
    String store = dir.resolve("store").toString();
    CliRun r = CliRun.of("ingest", in.toString(), "--store", store);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode list = Json.MAPPER.readTree(CliRun.of("stories", "--json", "--store", store).out());
    Map<String, String> topicOfStory = new HashMap<>();
    for (JsonNode s : list.get("stories"))
      topicOfStory.put(s.get("id").asText(), s.get("topic").asText());
    Map<String, String> storyOf = new HashMap<>();
    for (JsonNode s : list.get("stories")) {
      JsonNode d =
          Json.MAPPER.readTree(
              CliRun.of("story", s.get("id").asText(), "--json", "--store", store).out());
      assertThat(d.get("topic").asText()).isEqualTo(s.get("topic").asText());
      for (JsonNode a : d.get("articles")) storyOf.put(a.get("id").asText(), s.get("id").asText());
    }
    String seed = storyOf.get("000_4a850577689245d9");
    String mosul = storyOf.get("mosul-offensive");
    assertThat(mosul).isNotEqualTo(seed);
    // two events of the war against IS: two stories, one topic; Brexit and an earthquake apart
    assertThat(topicOfStory.get(mosul)).isEqualTo(topicOfStory.get(seed));
    assertThat(topicOfStory.get(storyOf.get("brexit-vote"))).isNotEqualTo(topicOfStory.get(seed));
    assertThat(topicOfStory.get(storyOf.get("japan-earthquake")))
        .isNotEqualTo(topicOfStory.get(seed));

    String grouped = CliRun.of("stories", "--topics", "--store", store).out();
    assertThat(grouped).contains("topic " + topicOfStory.get(seed));

    CliRun c = CliRun.of("cluster", in.toString(), "--json", "--topics");
    assertThat(c.code()).as(c.err()).isZero();
    Map<String, String> clusterTopic = new HashMap<>();
    for (String line : c.out().split("\n")) {
      JsonNode s = Json.MAPPER.readTree(line);
      for (JsonNode a : s.get("articles")) clusterTopic.put(a.asText(), s.get("topic").asText());
    }
    assertThat(clusterTopic.get("mosul-offensive"))
        .isEqualTo(clusterTopic.get("000_4a850577689245d9"));
    assertThat(clusterTopic.get("brexit-vote"))
        .isNotEqualTo(clusterTopic.get("000_4a850577689245d9"));
  }
}
