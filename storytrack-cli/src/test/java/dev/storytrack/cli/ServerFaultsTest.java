package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.store.FailingStores;
import dev.storytrack.store.StoryStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Hostile records sent to a running server: refused whole, and the server is never poisoned. */
class ServerFaultsTest extends ApiFixture {
  HttpResponse<String> post(String body) throws Exception {
    return postBytes(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  HttpResponse<String> postBytes(byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/articles"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String article(String id, String title, String published, String source) {
    return "{\"id\":\""
        + id
        + "\",\"source\":\""
        + source
        + "\",\"title\":\""
        + title
        + "\",\"published\":\""
        + published
        + "\",\"text\":\""
        + title
        + ". Rescue teams reached the coast on Wednesday, officials said.\"}";
  }

  @Test
  void aBadRecordIsA400NamingItAndTheServerStaysHealthy() throws Exception {
    String good = article("good", "Quake hits coast", "2024-05-01T06:00:00Z", "wire");
    String[] bad = {
      article("far", "Quake hits coast", "+999999999-12-31T23:59:59Z", "wire"),
      article("src", "Quake hits coast", "2024-05-01T06:00:00Z", "s".repeat(40_000)),
      "{\"id\":\"" + "i".repeat(40_000) + "\",\"text\":\"A quake hit the coast.\"}",
    };
    for (String b : bad) {
      HttpResponse<String> r = post(good + "\n" + b + "\n");
      assertThat(r.statusCode()).isEqualTo(400);
      JsonNode n = Json.MAPPER.readTree(r.body());
      assertThat(n.get("error").asText()).startsWith("line 2: ").contains("nothing stored");
      // the single-object form is refused the same way
      assertThat(post(b).statusCode()).isEqualTo(400);
    }
    // An unrelated batch commits only itself; the refused batch's good article is not stored.
    HttpResponse<String> other =
        post(article("other", "Floods in the north", "2024-05-01T07:00:00Z", "wire"));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    assertThat(get("/api/articles/good").statusCode()).isEqualTo(404);
    // Posting the bad one again is still refused, not "unchanged".
    assertThat(post(bad[0]).statusCode()).isEqualTo(400);
    // A later article of the same story is stored fine.
    HttpResponse<String> again = post(good);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(again.body()).get("added").asInt()).isEqualTo(1);
    assertThat(get("/api/stories?since=%2B999999999-12-31T23:59:59Z").statusCode()).isEqualTo(400);
    assertThat(get("/api/stories?until=-999999999-01-01T00:00:00Z").statusCode()).isEqualTo(400);
    // After a restart every stored article points at a story that answers.
    server.close();
    store.close();
    store = StoryStore.open(dir.resolve("data"));
    server = ApiServer.start(store, "127.0.0.1", 0);
    assertThat(store.counts()[0]).isEqualTo(2);
    for (String id : new String[] {"good", "other"}) {
      String story = Json.MAPPER.readTree(get("/api/articles/" + id).body()).get("story").asText();
      assertThat(get("/api/stories/" + story).statusCode()).as(id).isEqualTo(200);
    }
  }

  @Test
  void invalidUtf8InABodyIsRefusedAsTheCliRefusesIt() throws Exception {
    byte[] body =
        "{\"id\":\"u\",\"text\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(body, body.length);
    broken[broken.length - 4] = (byte) 0xff; // inside the text
    HttpResponse<String> r = postBytes(broken);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(r.body()).get("error").asText())
        .contains("invalid UTF-8 at byte " + (broken.length - 4));
    assertThat(get("/api/articles/u").statusCode()).isEqualTo(404);
    assertThat(postBytes(body).statusCode()).isEqualTo(200);
  }

  @Test
  void aFullDiskMakesHealthFailingAndWritesResumeWhenSpaceIsBack() throws Exception {
    server.close();
    store.close();
    AtomicBoolean diskFull = new AtomicBoolean();
    store = FailingStores.open(dir.resolve("full"), diskFull);
    server = ApiServer.start(store, "127.0.0.1", 0);
    assertThat(post(article("a1", "Quake hits coast", "2024-05-01T06:00:00Z", "wire")).statusCode())
        .isEqualTo(200);
    assertThat(get("/api/health").statusCode()).isEqualTo(200);

    diskFull.set(true);
    String second =
        article("a2", "Quake hits coast again", "2024-05-01T07:00:00Z", "wire")
            + "\n"
            + article("b1", "Floods in the north", "2024-05-01T07:00:00Z", "wire")
            + "\n";
    HttpResponse<String> refused = post(second);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(Json.MAPPER.readTree(refused.body()).get("error").asText())
        .contains("nothing of this batch stored")
        .contains("No space left on device");
    HttpResponse<String> health = get("/api/health");
    assertThat(health.statusCode()).isEqualTo(503);
    JsonNode h = Json.MAPPER.readTree(health.body());
    assertThat(h.get("status").asText()).isEqualTo("failing");
    assertThat(h.get("error").asText()).contains("No space left on device");
    assertThat(h.get("articles").asLong()).isEqualTo(1);
    // Reads go on while writes fail.
    assertThat(get("/api/articles/a1").statusCode()).isEqualTo(200);
    assertThat(get("/api/articles/a2").statusCode()).isEqualTo(404);
    assertThat(post(second).statusCode()).isEqualTo(503);

    // Space is back: the same batch is added (not "unchanged"), and health is ok again.
    diskFull.set(false);
    HttpResponse<String> accepted = post(second);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(accepted.body()).get("added").asInt()).isEqualTo(2);
    HttpResponse<String> healthy = get("/api/health");
    assertThat(healthy.statusCode()).isEqualTo(200);
    JsonNode ok = Json.MAPPER.readTree(healthy.body());
    assertThat(ok.get("status").asText()).isEqualTo("ok");
    assertThat(ok.has("error")).isFalse();
    assertThat(ok.get("articles").asLong()).isEqualTo(3);
    for (String id : new String[] {"a1", "a2", "b1"}) {
      String story = Json.MAPPER.readTree(get("/api/articles/" + id).body()).get("story").asText();
      assertThat(get("/api/stories/" + story).statusCode()).as(id).isEqualTo(200);
    }
  }
}
