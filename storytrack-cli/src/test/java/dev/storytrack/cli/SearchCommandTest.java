package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** search in the CLI and the API: AND by default, marked snippets, stories, the order named. */
class SearchCommandTest extends ApiFixture {
  static final String NOISE =
      "{\"id\":\"noise\",\"source\":\"www.other.example\",\"title\":\"Council report on roads\","
          + "\"published\":\"2019-03-25T09:00:00Z\",\"text\":\"The council published its yearly report on roads and"
          + " bridges, which found most of them in good repair.\"}";

  @Test
  void cliSearchAndsWordsMarksMatchesAndListsStories() throws Exception {
    String storeDir = dir.resolve("cli").toString();
    assertThat(CliRun.of("ingest", "../examples", "--store", storeDir).code()).isZero();
    java.nio.file.Path noise = dir.resolve("noise.jsonl");
    java.nio.file.Files.writeString(noise, NOISE + "\n");
    assertThat(CliRun.of("ingest", noise.toString(), "--store", storeDir).code()).isZero();

    CliRun text = CliRun.of("search", "Mustefa", "Bali", "--store", storeDir);
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("best match first")
        .contains("*Mustefa Bali*")
        .contains(A)
        .contains("story s")
        .doesNotContain("noise");
    assertThat(text.out()).contains("1 story with matching articles");

    JsonNode or =
        Json.MAPPER.readTree(
            CliRun.of("search", "Bali", "OR", "roads", "--json", "--store", storeDir).out());
    assertThat(or.get("articles")).extracting(h -> h.get("id").asText()).contains("noise", A);
    JsonNode and =
        Json.MAPPER.readTree(
            CliRun.of("search", "Bali", "report", "--json", "--store", storeDir).out());
    assertThat(and.get("articles")).extracting(h -> h.get("id").asText()).doesNotContain("noise");

    JsonNode bySource =
        Json.MAPPER.readTree(
            CliRun.of(
                    "search",
                    "report",
                    "--source",
                    "other.example",
                    "--order",
                    "newest",
                    "--json",
                    "--store",
                    storeDir)
                .out());
    assertThat(bySource.get("articles"))
        .extracting(h -> h.get("id").asText())
        .containsExactly("noise");
    assertThat(bySource.get("order").asText()).isEqualTo("newest first");
    JsonNode hit = bySource.get("articles").get(0);
    assertThat(hit.get("source").asText()).isEqualTo("other.example");
    assertThat(hit.get("published").asText()).isEqualTo("2019-03-25T09:00:00Z");
    assertThat(hit.get("story").asText()).isNotBlank();
    JsonNode mark = hit.get("highlights").get(0);
    assertThat(
            hit.get("snippet")
                .asText()
                .substring(mark.get("start").asInt(), mark.get("end").asInt()))
        .isEqualTo("report");
    assertThat(bySource.get("stories"))
        .extracting(s -> s.get("id").asText())
        .containsExactly(hit.get("story").asText());

    CliRun late = CliRun.of("search", "report", "--since", "2019-04-01", "--store", storeDir);
    assertThat(late.out()).contains("0 matching articles");
    CliRun backwards =
        CliRun.of(
            "search",
            "report",
            "--since",
            "2019-04-01",
            "--until",
            "2019-03-01",
            "--store",
            storeDir);
    assertThat(backwards.code()).isNotZero();
    assertThat(backwards.err()).contains("after until");
  }

  @Test
  void apiSearchReturnsArticlesAndStoriesWithFilters() throws Exception {
    assertThat(post("/api/articles", examplesAsJsonl()).statusCode()).isEqualTo(200);
    assertThat(post("/api/articles", NOISE).statusCode()).isEqualTo(200);
    JsonNode r =
        json(get("/api/search?q=" + URLEncoder.encode("\"Mustefa Bali\"", StandardCharsets.UTF_8)));
    assertThat(r.get("order").asText()).isEqualTo("best match first");
    assertThat(r.get("total").asInt()).isEqualTo(r.get("articles").size());
    assertThat(r.get("articles"))
        .extracting(h -> h.get("id").asText())
        .contains(A)
        .doesNotContain("noise");
    assertThat(r.get("stories")).hasSize(1);
    assertThat(r.get("storiesTotal").asInt()).isEqualTo(1);
    JsonNode onlyOther =
        json(get("/api/search?q=report&source=other.example&since=2019-03-25&until=2019-03-26"));
    assertThat(onlyOther.get("articles"))
        .extracting(h -> h.get("id").asText())
        .containsExactly("noise");
    HttpResponse<String> bad = get("/api/search?q=report&since=2019-04-02&until=2019-04-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).contains("after until");
    assertThat(get("/api/search?q=report&order=sideways").statusCode()).isEqualTo(400);
  }
}
