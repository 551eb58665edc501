package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stories and story exported as CSV and JSON Lines, in the CLI and the API. */
class ExportTest extends ApiFixture {
  static final String TRICKY =
      "{\"id\":\"tricky\",\"source\":\"odd.example\",\"title\":\"=HYPERLINK(\\\"x\\\"), \\\"quoted\\\"\\nline\","
          + "\"published\":\"2019-03-27T09:00:00Z\",\"text\":\"A volcano erupted near the village on Friday and lava reached the road.\"}";

  static List<Map<String, String>> csv(String text) throws Exception {
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(text)) {
      return it.readAll();
    }
  }

  private String fill() throws Exception {
    String storeDir = dir.resolve("cli").toString();
    Path tricky = dir.resolve("tricky.jsonl");
    Files.writeString(tricky, TRICKY + "\n");
    assertThat(CliRun.of("ingest", "../examples", tricky.toString(), "--store", storeDir).code())
        .isZero();
    return storeDir;
  }

  @Test
  void storiesAsCsvAndJsonLines() throws Exception {
    String storeDir = fill();
    CliRun out = CliRun.of("stories", "--csv", "--store", storeDir);
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(out.out()).startsWith("id,title,size,firstSeen,lastSeen,sources\n");
    List<Map<String, String>> rows = csv(out.out());
    assertThat(rows).hasSize(2);
    Map<String, String> tricky =
        rows.stream().filter(r -> r.get("title").contains("HYPERLINK")).findFirst().orElseThrow();
    // read back whole: comma, quotes and line break survive; a formula is defused
    assertThat(tricky.get("title")).startsWith("'=HYPERLINK").contains("\"quoted\"").contains(", ");
    assertThat(tricky.get("size")).isEqualTo("1");
    assertThat(tricky.get("firstSeen")).isEqualTo("2019-03-27T09:00:00Z");
    assertThat(tricky.get("sources")).isEqualTo("odd.example 1");

    String[] lines = CliRun.of("stories", "--jsonl", "--store", storeDir).out().split("\n");
    assertThat(lines).hasSize(2);
    for (String l : lines) assertThat(Json.MAPPER.readTree(l).get("id").asText()).startsWith("s");
    assertThat(CliRun.of("stories", "--csv", "--json", "--store", storeDir).code()).isNotZero();
  }

  @Test
  void storyArticlesAsCsv() throws Exception {
    String storeDir = fill();
    String id =
        Json.MAPPER
            .readTree(CliRun.of("search", "Mustefa", "--json", "--store", storeDir).out())
            .at("/articles/0/story")
            .asText();
    List<Map<String, String>> rows =
        csv(CliRun.of("story", id, "--csv", "--store", storeDir).out());
    assertThat(rows).extracting(r -> r.get("id")).containsExactly(A, B);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("story")).isEqualTo(id));
    assertThat(rows.get(0).keySet())
        .containsExactly("story", "id", "source", "title", "published", "url");
  }

  @Test
  void aDateOnlyVersionShowsAsADateAndComesAfterATimedOneOfTheSameDay() throws Exception {
    String storeDir = dir.resolve("dates").toString();
    Path in = dir.resolve("dates.jsonl");
    String a = Files.readString(Path.of("../examples/000_4a850577689245d9.txt"));
    String b = Files.readString(Path.of("../examples/001_d615f29dd00c4665.txt"));
    Files.writeString(
        in,
        Json.MAPPER.writeValueAsString(
                Map.of("id", "day", "source", "a.example", "published", "2019-03-26", "text", a))
            + "\n"
            + Json.MAPPER.writeValueAsString(
                Map.of(
                    "id",
                    "timed",
                    "source",
                    "b.example",
                    "published",
                    "2019-03-26T10:00:00Z",
                    "text",
                    b))
            + "\n");
    assertThat(CliRun.of("ingest", in.toString(), "--store", storeDir).code()).isZero();
    String id =
        Json.MAPPER
            .readTree(CliRun.of("search", "Mustefa", "--json", "--store", storeDir).out())
            .at("/articles/0/story")
            .asText();
    List<Map<String, String>> rows =
        csv(CliRun.of("story", id, "--csv", "--store", storeDir).out());
    assertThat(rows).extracting(r -> r.get("id")).containsExactly("timed", "day");
    assertThat(rows)
        .extracting(r -> r.get("published"))
        .containsExactly("2019-03-26T10:00:00Z", "2019-03-26");
  }

  @Test
  void apiFormatCsvOnStoriesAndStory() throws Exception {
    assertThat(post("/api/articles", examplesAsJsonl()).statusCode()).isEqualTo(200);
    assertThat(post("/api/articles", TRICKY).statusCode()).isEqualTo(200);
    HttpResponse<String> list = get("/api/stories?format=csv");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(list.headers().firstValue("content-disposition").orElse("")).contains("stories.csv");
    List<Map<String, String>> stories = csv(list.body());
    assertThat(stories).hasSize(2);
    String seed =
        stories.stream().filter(r -> r.get("size").equals("2")).findFirst().orElseThrow().get("id");
    List<Map<String, String>> arts = csv(get("/api/stories/" + seed + "?format=csv").body());
    assertThat(arts).extracting(r -> r.get("id")).containsExactly(A, B);
    HttpResponse<String> jsonl = get("/api/stories/" + seed + "?format=jsonl");
    assertThat(jsonl.headers().firstValue("content-type").orElse(""))
        .startsWith("application/x-ndjson");
    for (String l : jsonl.body().split("\n")) {
      JsonNode n = Json.MAPPER.readTree(l);
      assertThat(n.get("story").asText()).isEqualTo(seed);
    }
    HttpResponse<String> bad = get("/api/stories?format=xml");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).contains("format must be");
  }
}
