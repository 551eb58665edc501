package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  @TempDir Path dir;

  private static final String PAGE =
      "<html lang='en'><head><title>Quay to open | Harbour News</title>"
          + "<meta name='author' content='Anna Muster'>"
          + "<meta property='article:published_time' content='2024-05-03T10:00:00Z'></head><body>"
          + "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Quay to open</h1>"
          + "<p>The harbour authority said on Friday that the new quay would open to ferries in August,"
          + " after two years of work.</p><p>Work on the quay began two years ago and was delayed by"
          + " a shortage of steel piles, the authority said.</p></article>"
          + "<footer>© 2024 Harbour News. All rights reserved.</footer></body></html>";

  private CliRun run(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "extract";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRun.of(full);
  }

  @Test
  void printsTheArticleTextOnly() throws IOException {
    Path f = Files.writeString(dir.resolve("quay.html"), PAGE);
    CliRun r = run(f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("The harbour authority said")
        .contains("steel piles")
        .doesNotContain("Home")
        .doesNotContain("rights reserved");
  }

  @Test
  void jsonHasOneObjectPerDocumentWithMetadata() throws IOException {
    Files.writeString(dir.resolve("quay.html"), PAGE);
    Files.writeString(
        dir.resolve("menu.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
    CliRun r = run("--json", dir.toString());
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode j = Json.MAPPER.readTree(lines[0]);
    assertThat(j.path("id").asText()).isEqualTo("quay");
    assertThat(j.path("title").asText()).isEqualTo("Quay to open");
    assertThat(j.path("authors").get(0).asText()).isEqualTo("Anna Muster");
    assertThat(j.path("published").asText()).isEqualTo("2024-05-03T10:00:00Z");
    assertThat(j.path("language").asText()).isEqualTo("en");
    assertThat(j.path("text").asText()).startsWith("The harbour authority");
    assertThat(r.err()).contains("menu: no article found");
  }

  @Test
  void missingFileIsAOneLineProblemAndFailure() {
    CliRun r = run(dir.resolve("nope.html").toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err()).contains("nope.html");
  }
}
