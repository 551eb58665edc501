package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.Storytrack;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.store.StoryStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on an ephemeral port, spoken to over HTTP. */
class ApiServerTest {
  static final String A = "000_4a850577689245d9";
  static final String B = "001_d615f29dd00c4665";

  @TempDir Path dir;
  StoryStore store;
  ApiServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    store = StoryStore.open(dir.resolve("data"));
    server = ApiServer.start(store, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    store.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    return Json.MAPPER.readTree(r.body());
  }

  static String examplesAsJsonl() throws Exception {
    StringBuilder sb = new StringBuilder();
    ArticleReaders.read(
        java.util.List.of("../examples"),
        Format.AUTO,
        a -> sb.append(dev.storytrack.article.ArticleJson.toLine(a)).append('\n'),
        p -> {});
    return sb.toString();
  }

  @Test
  void postedArticlesBecomeStoriesWithTheCompareOutputOfTheCli() throws Exception {
    HttpResponse<String> posted = post("/api/articles", examplesAsJsonl());
    assertThat(posted.statusCode()).isEqualTo(200);
    JsonNode p = json(posted);
    assertThat(p.get("added").asInt()).isEqualTo(2);
    String story = p.get("stories").get(A).asText();
    assertThat(p.get("stories").get(B).asText()).isEqualTo(story);
    assertThat(json(post("/api/articles", examplesAsJsonl())).get("unchanged").asInt())
        .isEqualTo(2);

    JsonNode list = json(get("/api/stories"));
    assertThat(list.get("stories")).hasSize(1);
    JsonNode s = list.get("stories").get(0);
    assertThat(s.get("id").asText()).isEqualTo(story);
    assertThat(s.get("size").asInt()).isEqualTo(2);
    for (String f : new String[] {"title", "sources", "firstSeen", "lastSeen"})
      assertThat(s.has(f)).as(f).isTrue();

    JsonNode detail = json(get("/api/stories/" + story));
    assertThat(detail.get("articles")).extracting(x -> x.get("id").asText()).containsExactly(A, B);
    assertThat(detail.get("articles").get(0).has("url")).isTrue();
    assertThat(detail.get("timeline")).isNotEmpty();

    JsonNode article = json(get("/api/articles/" + B));
    assertThat(article.get("story").asText()).isEqualTo(story);

    HttpResponse<String> cmp = get("/api/compare?a=" + A + "&b=" + B);
    assertThat(cmp.statusCode()).isEqualTo(200);
    String expected =
        Json.MAPPER.writeValueAsString(
            Storytrack.compare(
                store.article(A).orElseThrow().article(),
                store.article(B).orElseThrow().article()));
    assertThat(cmp.body()).isEqualTo(expected);
    CliRun cli =
        CliRun.of("compare", "--json", "../examples/" + A + ".txt", "../examples/" + B + ".txt");
    assertThat(Json.MAPPER.readTree(cmp.body())).isEqualTo(Json.MAPPER.readTree(cli.out()));

    JsonNode hits =
        json(get("/api/search?q=" + URLEncoder.encode("Mustefa Bali", StandardCharsets.UTF_8)));
    assertThat(hits.get("articles").get(0).get("id").asText()).isEqualTo(A);
    JsonNode health = json(get("/api/health"));
    assertThat(health.get("articles").asInt()).isEqualTo(2);
  }

  @Test
  void storyJsonHasTheVersionsWithOffsetsIntoTheArticleTexts() throws Exception {
    JsonNode p = json(post("/api/articles", examplesAsJsonl()));
    String story = p.get("stories").get(A).asText();
    JsonNode versions = json(get("/api/stories/" + story)).get("versions");
    assertThat(versions).extracting(v -> v.get("id").asText()).containsExactly(A, B);
    assertThat(versions.get(0).get("origin").asBoolean()).isTrue();
    JsonNode copy = versions.get(1);
    assertThat(copy.get("origin").asBoolean()).isFalse();
    assertThat(copy.get("reusedFrom")).extracting(r -> r.get("id").asText()).containsExactly(A);
    String textB = json(get("/api/articles/" + B)).get("text").asText();
    String textA = json(get("/api/articles/" + A)).get("text").asText();
    assertThat(copy.get("added"))
        .as("the longer version carries sentences the first lacks")
        .isNotEmpty();
    for (JsonNode s : copy.get("added")) {
      assertThat(textB.substring(s.get("start").asInt(), s.get("end").asInt()))
          .isEqualTo(s.get("text").asText());
    }
    for (JsonNode s : copy.get("dropped")) {
      assertThat(textA.substring(s.get("start").asInt(), s.get("end").asInt()))
          .isEqualTo(s.get("text").asText());
    }
  }

  @Test
  void anArticlePostedAgainWithOtherTextShowsItsRevisionsInTheStoryAndArticle() throws Exception {
    String lines = examplesAsJsonl();
    String story = json(post("/api/articles", lines)).get("stories").get(A).asText();
    com.fasterxml.jackson.databind.node.ObjectNode a = null;
    for (String line : lines.split("\n")) {
      JsonNode n = Json.MAPPER.readTree(line);
      if (n.get("id").asText().equals(A)) a = (com.fasterxml.jackson.databind.node.ObjectNode) n;
    }
    String dropped =
        "The US-led coalition said it was supporting sweeping operations with air strikes on militant hideouts.";
    assertThat(a.get("text").asText()).contains(dropped);
    a.put("text", a.get("text").asText().replace(dropped, "").replace("March 23", "March 24"));
    JsonNode p = json(post("/api/articles", Json.MAPPER.writeValueAsString(a)));
    assertThat(p.get("updated").asInt()).isEqualTo(1);
    assertThat(
            json(post("/api/articles", Json.MAPPER.writeValueAsString(a))).get("unchanged").asInt())
        .isEqualTo(1);

    JsonNode detail = json(get("/api/stories/" + story));
    JsonNode revs = detail.at("/articles/0/revisions");
    assertThat(detail.at("/articles/0/id").asText()).isEqualTo(A);
    assertThat(revs).extracting(r -> r.get("revision").asInt()).containsExactly(1, 2);
    assertThat(detail.at("/articles/1/revisions")).hasSize(1);
    JsonNode c = revs.get(1).get("changes");
    assertThat(c.get("headline").isNull()).isTrue();
    assertThat(c.get("dropped")).extracting(g -> g.get("text").asText()).containsExactly(dropped);
    assertThat(c.get("added")).isEmpty();
    assertThat(c.get("variants"))
        .extracting(v -> v.get("before").asText() + ">" + v.get("after").asText())
        .contains("23>24");
    assertThat(c.get("correction").asBoolean()).isFalse();
    assertThat(json(get("/api/health")).get("articles").asInt()).isEqualTo(2);

    JsonNode article = json(get("/api/articles/" + A));
    assertThat(article.get("revisions")).isEqualTo(revs);
    assertThat(article.get("text").asText()).doesNotContain("sweeping operations");
  }

  @Test
  void badRequestsGetA4xxWithAJsonErrorNeverA500() throws Exception {
    String[][] gets = {
      {"/api/stories?limit=abc", "400"},
      {"/api/stories?limit=0", "400"},
      {"/api/stories?since=yesterday", "400"},
      {"/api/stories/nope", "404"},
      {"/api/articles/nope", "404"},
      {"/api/compare?a=x", "400"},
      {"/api/compare?a=x&b=y", "404"},
      {"/api/search", "400"},
      {"/api/search?q=" + "x".repeat(2000), "400"},
      {"/api/nothing", "404"},
    };
    for (String[] g : gets) {
      HttpResponse<String> r = get(g[0]);
      assertThat(r.statusCode()).as(g[0]).isEqualTo(Integer.parseInt(g[1]));
      assertThat(json(r).get("error").asText()).as(g[0]).isNotBlank();
    }
    String[] bodies = {
      "", "[1,2]", "{\"title\":\"no id\"}", "{not json", "\"text\"", "{\"id\":\"\",\"text\":\"x\"}"
    };
    for (String b : bodies) {
      HttpResponse<String> r = post("/api/articles", b);
      assertThat(r.statusCode()).as(b).isEqualTo(400);
      assertThat(json(r).get("error").asText()).as(b).isNotBlank();
    }
    HttpResponse<String> big =
        post(
            "/api/articles",
            "{\"id\":\"big\",\"text\":\"" + "x".repeat(ApiServer.MAX_BODY) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    // JSON Lines: all or nothing; the bad line is named and the good one is not stored either
    HttpResponse<String> mixed =
        post(
            "/api/articles",
            "{\"id\":\"ok\",\"title\":\"Quake hits coast\",\"text\":\"A quake hit.\"}\n{bad\n");
    assertThat(mixed.statusCode()).isEqualTo(400);
    assertThat(json(mixed).get("rejected").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(get("/api/articles/ok").statusCode()).isEqualTo(404);
  }

  @Test
  void untrustedMarkupIsStoredAndReturnedAsPlainData() throws Exception {
    String evil =
        "{\"id\":\"evil\",\"title\":\"<script>alert('t')</script><b>Headline</b>\","
            + "\"text\":\"<img src=x onerror=alert(1)> Storm floods the <i>city</i>. <script>alert('b')</script>\"}";
    assertThat(post("/api/articles", evil).statusCode()).isEqualTo(200);
    JsonNode a = json(get("/api/articles/evil"));
    assertThat(a.get("title").asText()).isEqualTo("<script>alert('t')</script><b>Headline</b>");
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-security-policy").orElse(""))
        .contains("script-src 'self'");
  }
}
