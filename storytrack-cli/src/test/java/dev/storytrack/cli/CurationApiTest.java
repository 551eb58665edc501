package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** POST /api/curation/{merge,split,delete} and GET /api/curation on a real server. */
class CurationApiTest extends ApiFixture {
  static final String VOLCANO =
      "{\"id\":\"volcano\",\"source\":\"lava.example\",\"title\":\"Volcano erupts near the village\","
          + "\"text\":\"The volcano erupted on Friday. Lava flows reached the road near the village, officials said.\"}";

  String storyOf(String article) throws Exception {
    return json(get("/api/articles/" + article)).get("story").asText();
  }

  @Test
  void splitMergeAndDeleteThroughTheApi() throws Exception {
    assertThat(post("/api/articles", examplesAsJsonl()).statusCode()).isEqualTo(200);
    assertThat(post("/api/articles", VOLCANO).statusCode()).isEqualTo(200);
    String seeds = storyOf(A);
    String volcano = storyOf("volcano");

    HttpResponse<String> split =
        post(
            "/api/curation/split",
            "{\"story\":\""
                + seeds
                + "\",\"articles\":[\""
                + B
                + "\"],\"by\":\"desk\",\"note\":\"another outlet\"}");
    assertThat(split.statusCode()).as(split.body()).isEqualTo(200);
    JsonNode s = json(split);
    String own = s.at("/decision/result").asText();
    assertThat(own).isNotEqualTo(seeds).isEqualTo(storyOf(B));
    assertThat(s.at("/story/id").asText()).isEqualTo(own);
    assertThat(s.at("/story/size").asInt()).isEqualTo(1);
    assertThat(json(get("/api/stories/" + seeds)).get("size").asInt()).isEqualTo(1);

    HttpResponse<String> merge =
        post("/api/curation/merge", "{\"stories\":[\"" + volcano + "\",\"" + own + "\"]}");
    assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
    String merged = json(merge).at("/decision/result").asText();
    assertThat(json(merge).at("/story/size").asInt()).isEqualTo(2);
    assertThat(storyOf("volcano")).isEqualTo(merged);
    assertThat(storyOf(B)).isEqualTo(merged);
    // the story merged away is gone
    String gone = merged.equals(volcano) ? own : volcano;
    assertThat(get("/api/stories/" + gone).statusCode()).isEqualTo(404);
    assertThat(json(get("/api/stories/" + gone)).get("error").asText())
        .isEqualTo("no story " + gone + " (merged into " + merged + ")");

    HttpResponse<String> delete =
        post("/api/curation/delete", "{\"articles\":[\"volcano\"],\"note\":\"not news\"}");
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
    assertThat(json(delete).get("story").isNull()).isTrue();
    assertThat(get("/api/articles/volcano").statusCode()).isEqualTo(404);
    assertThat(json(get("/api/articles/volcano")).get("error").asText())
        .isEqualTo("no article volcano (deleted)");
    assertThat(json(get("/api/health")).get("articles").asInt()).isEqualTo(2);

    // posted again: skipped and reported, unless restoreDeleted=true
    JsonNode again = json(post("/api/articles", VOLCANO));
    assertThat(again.get("added").asInt()).isZero();
    assertThat(again.get("deleted")).extracting(JsonNode::asText).containsExactly("volcano");
    assertThat(get("/api/articles/volcano").statusCode()).isEqualTo(404);
    JsonNode restored = json(post("/api/articles?restoreDeleted=true", VOLCANO));
    assertThat(restored.get("added").asInt()).isEqualTo(1);
    assertThat(get("/api/articles/volcano").statusCode()).isEqualTo(200);

    JsonNode log = json(get("/api/curation"));
    assertThat(log.get("decisions"))
        .extracting(d -> d.get("kind").asText())
        .containsExactly("split", "merge", "delete", "restore");
    assertThat(log.at("/decisions/0/by").asText()).isEqualTo("desk");
    assertThat(log.at("/decisions/0/note").asText()).isEqualTo("another outlet");
    // no name given: the client's address stands for who
    assertThat(log.at("/decisions/1/by").asText()).startsWith("http ");
    assertThat(log.at("/decisions/2/note").asText()).isEqualTo("not news");
  }

  @Test
  void badRequestsAre400UnknownIds404AndNothingChanges() throws Exception {
    assertThat(post("/api/articles", examplesAsJsonl()).statusCode()).isEqualTo(200);
    assertThat(post("/api/articles", VOLCANO).statusCode()).isEqualTo(200);
    String seeds = storyOf(A);
    String before = get("/api/stories").body();
    String[][] cases = {
      {
        "/api/curation/merge",
        "{\"stories\":[\"" + seeds + "\",\"s99\"]}",
        "404",
        "no story s99; nothing changed"
      },
      {
        "/api/curation/split",
        "{\"story\":\"" + seeds + "\",\"articles\":[\"nope\"]}",
        "404",
        "no article nope; nothing changed"
      },
      {
        "/api/curation/delete",
        "{\"articles\":[\"" + A + "\",\"nope\"]}",
        "404",
        "no article nope; nothing changed"
      },
      {
        "/api/curation/split",
        "{\"story\":\"" + seeds + "\",\"articles\":[\"volcano\"]}",
        "400",
        "article volcano is in story"
      },
      {
        "/api/curation/split",
        "{\"story\":\"" + seeds + "\",\"articles\":[\"" + A + "\",\"" + B + "\"]}",
        "400",
        "cannot split every article"
      },
      {
        "/api/curation/merge",
        "{\"stories\":[\"" + seeds + "\"]}",
        "400",
        "stories: give exactly two story ids"
      },
      {
        "/api/curation/merge",
        "{\"stories\":[\"" + seeds + "\",\"" + seeds + "\"]}",
        "400",
        "with itself"
      },
      {"/api/curation/delete", "{\"articles\":[]}", "400", "articles: give an array of ids"},
      {"/api/curation/delete", "{\"articles\":[1]}", "400", "every id must be a string"},
      {"/api/curation/delete", "[\"" + A + "\"]", "400", "body must be one JSON object"},
      {
        "/api/curation/delete",
        "{\"articles\":[\"" + A + "\"],\"note\":7}",
        "400",
        "note must be a string"
      }
    };
    for (String[] c : cases) {
      HttpResponse<String> r = post(c[0], c[1]);
      assertThat(r.statusCode()).as(c[1] + " " + r.body()).isEqualTo(Integer.parseInt(c[2]));
      assertThat(json(r).get("error").asText()).as(c[1]).contains(c[3]).doesNotContain("\n");
    }
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(uri("/api/curation/delete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("articles=" + A))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(415);
    HttpResponse<String> crossSite =
        http.send(
            HttpRequest.newBuilder(uri("/api/curation/delete"))
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"articles\":[\"" + A + "\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(get("/api/stories").body()).isEqualTo(before);
    assertThat(json(get("/api/curation")).get("decisions")).isEmpty();
    assertThat(get("/api/articles/" + A).statusCode()).isEqualTo(200);
  }
}
