package dev.storytrack.cli;

import dev.storytrack.store.StoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server over a new store on an ephemeral port, for tests to extend (no tests of its own).
 */
abstract class ApiFixture {
  static final String A = ApiServerTest.A;
  static final String B = ApiServerTest.B;

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

  static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> r) throws Exception {
    return ApiServerTest.json(r);
  }

  static String examplesAsJsonl() throws Exception {
    return ApiServerTest.examplesAsJsonl();
  }
}
