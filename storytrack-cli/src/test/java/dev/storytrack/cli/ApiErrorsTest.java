package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** API errors in one line of the client's terms; array bodies; since after until. */
class ApiErrorsTest extends ApiFixture {
  @Test
  void aJsonArrayOfArticlesIsAccepted() throws Exception {
    String body = "[" + String.join(",", examplesAsJsonl().strip().split("\n")) + "]";
    HttpResponse<String> r = post("/api/articles", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("added").asInt()).isEqualTo(2);
    HttpResponse<String> bad = post("/api/articles", "[{\"id\":\"ok\",\"text\":\"fine text\"}, 3]");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).contains("record 2");
    assertThat(store.article("ok")).isEmpty();
  }

  @Test
  void sinceAfterUntilIsA400() throws Exception {
    HttpResponse<String> r = get("/api/stories?since=2019-04-02&until=2019-04-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("error").asText()).contains("after until");
    assertThat(
            CliRun.of(
                    "stories",
                    "--since",
                    "2019-04-02",
                    "--until",
                    "2019-04-01",
                    "--store",
                    dir.resolve("x").toString())
                .err())
        .contains("after until");
  }

  /** An id given twice in one request: the later record is stored, and the answer says so. */
  @Test
  void aRepeatedIdInOneRequestIsItsLaterRecord() throws Exception {
    HttpResponse<String> r =
        post(
            "/api/articles",
            "{\"id\":\"a\",\"title\":\"one\",\"text\":\"first text\"}\n"
                + "{\"id\":\"b\",\"title\":\"two\",\"text\":\"second text\"}\n"
                + "{\"id\":\"a\",\"title\":\"three\",\"text\":\"third text\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode n = json(r);
    assertThat(n.get("added").asInt()).isEqualTo(2);
    assertThat(n.get("replaced").asInt()).isEqualTo(1);
    assertThat(store.article("a").orElseThrow().article().title()).isEqualTo("three");
  }

  @Test
  void errorsAreOneLineWithoutLibraryInternals() throws Exception {
    String[] bodies = {
      "{\"id\":\"a\",\"text\":\"x\",\"published\":{\"no\":1}}",
      "{\"id\":\"a\",\"text\":\"x\",\"published\":\"not a date\"}",
      "{\"id\":[1],\"text\":\"x\"}",
      "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":tru}",
      "[{\"id\":\"a\",\"title\":7,\"published\":\"32/13/2019\"}]",
    };
    for (String b : bodies) {
      HttpResponse<String> r = post("/api/articles", b);
      assertThat(r.statusCode()).as(b).isEqualTo(400);
      JsonNode n = json(r);
      String e = n.get("error").asText();
      assertThat(e)
          .as(b)
          .isNotBlank()
          .doesNotContain(
              "\n", "[Source:", "com.fasterxml", "java.", "Exception", "line: ", "column: ");
      for (JsonNode rej : n.path("rejected")) {
        assertThat(rej.get("error").asText())
            .doesNotContain("\n", "[Source:", "com.fasterxml", "Exception");
      }
    }
    assertThat(
            ApiServer.oneLine(
                "Unexpected character ('t')\n at [Source: (String)\"x\"; line: 1, column: 2]"))
        .isEqualTo("Unexpected character ('t')");
  }
}
