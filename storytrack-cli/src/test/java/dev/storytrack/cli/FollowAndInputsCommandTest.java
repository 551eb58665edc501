package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.storytrack.store.StoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code follow} against a local HTTP server, and the input options of issue 22 end to end. */
class FollowAndInputsCommandTest {
  @TempDir Path dir;
  private HttpServer server;
  private String base;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void start() throws IOException {
    String rss;
    try (InputStream in = getClass().getResourceAsStream("/follow/site.rss")) {
      rss = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    String feed = rss.replace("BASE", base);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String inm = ex.getRequestHeaders().getFirst("If-None-Match");
          requests.add(path + (inm == null ? "" : " if-none-match " + inm));
          byte[] body;
          int status = 200;
          String type = "text/html; charset=utf-8";
          switch (path) {
            case "/robots.txt" -> {
              body = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
              type = "text/plain";
            }
            case "/feed.rss" -> {
              if ("\"v1\"".equals(inm)) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
              }
              ex.getResponseHeaders().add("ETag", "\"v1\"");
              body = feed.getBytes(StandardCharsets.UTF_8);
              type = "application/rss+xml";
            }
            case "/bad.rss" -> body = "<rss><channel><item>".getBytes(StandardCharsets.UTF_8);
            case "/down.rss" -> {
              status = 503;
              body = "down".getBytes(StandardCharsets.UTF_8);
            }
            case "/news/storm.html" ->
                body =
                    ("<html><head><title>Storm hits the coast</title></head><body><article>"
                            + "<p>A powerful storm hit the coast on Tuesday night, cutting power to thousands of homes.</p>"
                            + "<p>Officials said repairs would take several days, and schools stayed closed.</p>"
                            + "</article></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
            default -> {
              status = 404;
              body = "no".getBytes(StandardCharsets.UTF_8);
            }
          }
          ex.getResponseHeaders().add("Content-Type", type);
          ex.sendResponseHeaders(status, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void followPollsFeedsFetchesAllowedPagesAndRemembersValidators() throws IOException {
    Path store = dir.resolve("store");
    Run first =
        run(
            "follow",
            base + "/feed.rss",
            base + "/down.rss",
            base + "/bad.rss",
            "--fetch-pages",
            "--once",
            "--delay",
            "50ms",
            "--store",
            store.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err())
        .contains(
            base + "/down.rss: HTTP 503", base + "/bad.rss: not a readable RSS, Atom or RDF feed")
        .containsPattern(
            "round 1: 3 URLs polled \\(0 not modified, 2 failed\\), 2 items, 1 page fetched "
                + "\\(0 failed, 1 blocked by robots.txt\\); 2 added");
    // robots.txt first, the disallowed page never requested.
    assertThat(requests.get(0)).isEqualTo("/robots.txt");
    assertThat(requests).contains("/news/storm.html").noneMatch(r -> r.startsWith("/private/"));
    try (StoryStore s = StoryStore.openReadOnly(store)) {
      assertThat(s.counts()[0]).isEqualTo(2);
    }
    assertThat(
            Json.MAPPER
                .readTree(dir.resolve("store.follow.json").toFile())
                .at("/feeds/" + (base + "/feed.rss").replace("/", "~1") + "/etag")
                .asText())
        .isEqualTo("\"v1\"");

    requests.clear();
    Run second =
        run(
            "follow",
            base + "/feed.rss",
            "--fetch-pages",
            "--once",
            "--delay",
            "0s",
            "--store",
            store.toString());
    assertThat(second.code()).isZero();
    assertThat(requests)
        .contains("/feed.rss if-none-match \"v1\"")
        .doesNotContain("/news/storm.html");
    assertThat(second.err()).contains("round 1: 1 URL polled (1 not modified, 0 failed), 0 items");
  }

  @Test
  void followFailsOnlyWhenEveryUrlFails() {
    Run r =
        run(
            "follow",
            base + "/down.rss",
            "--once",
            "--delay",
            "0s",
            "--store",
            dir.resolve("s").toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
  }

  @Test
  void fieldMappingAndNothingReadExitCode() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("o.jsonl"),
            "{\"doc_id\":\"a\",\"dct\":\"2019-04-02\",\"body\":\"Floods hit the north.\",\"title\":\"Floods\"}\n");
    Run none = run("extract", "--json", f.toString());
    assertThat(none.code()).isEqualTo(Main.FAILURE);
    Run ingestNone = run("ingest", "--store", dir.resolve("s1").toString(), f.toString());
    assertThat(ingestNone.code()).isEqualTo(Main.FAILURE);
    assertThat(ingestNone.err()).contains("no article could be read (1 record or file skipped)");
    Run mapped =
        run(
            "ingest",
            "--store",
            dir.resolve("s2").toString(),
            "--field",
            "id=doc_id,published=dct,text=body",
            f.toString());
    assertThat(mapped.code()).as(mapped.err()).isZero();
    assertThat(mapped.err()).contains("1 article read, 1 added");
  }

  @Test
  void versionIsTheRealOne() {
    Run r = run("-V");
    assertThat(r.out().strip()).matches("storytrack \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void titlesNeverCarryTerminalEscapes() {
    assertThat(Text.safe("Hi \u001B[31mred\u001B[0m \u001B]0;pwned\u0007there\u0007"))
        .isEqualTo("Hi red there");
    assertThat(Text.abbreviate("a\u001B[2Jb", 10)).isEqualTo("ab");
    assertThat(Text.sources(new java.util.LinkedHashMap<>(java.util.Map.of("fox", 7))))
        .isEqualTo("fox 7");
    assertThat(Text.plural(1, "story", "stories")).isEqualTo("1 story");
    assertThat(Text.plural(2, "article")).isEqualTo("2 articles");
  }
}
