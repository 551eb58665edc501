package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar ingests, then serves the page and the API (Javalin and Jetty survive shading). */
class ServeIT {
  @TempDir Path dir;

  @Test
  void theJarIngestsAndServes() throws Exception {
    String store = dir.resolve("data").toString();
    CliIT.Result in = CliIT.storytrack("ingest", "../examples", "--store", store);
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.err()).contains("2 added");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                new File("target/storytrack.jar").getAbsolutePath(),
                "serve",
                "--store",
                store,
                "--port",
                "0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).contains("2 articles, 1 story");
      Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
      assertThat(m.find()).as(line).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1) + "api/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"articles\":2,\"stories\":1}");
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).contains("<script src=\"app.js\"");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
