package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMetadataCommandTest {
  @TempDir Path dir;

  private void page(String id, String html, String title, String date, String author)
      throws IOException {
    Files.createDirectories(dir.resolve("html"));
    Files.createDirectories(dir.resolve("ground-truth"));
    try (OutputStream o =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
      o.write(html.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        dir.resolve("ground-truth/" + id + ".json"),
        "{\"url\": \"https://x.example/"
            + id
            + "\", \"ground_truth\": {\"title\": \""
            + title
            + "\", \"publish_date\": "
            + date
            + ", \"author\": "
            + author
            + ", \"main_content\": \"\"}}");
  }

  @Test
  void scoresTitleDateAndAuthorsAgainstTheLabels() throws IOException {
    String body = "<p>The council voted on Tuesday to close the bridge for repairs.</p>";
    page(
        "0001",
        "<title>Bridge closes | Paper</title><meta name='author' content='Ann Lee'>"
            + "<meta property='article:published_time' content='2024-03-05T10:00:00Z'><h1>Bridge closes</h1>"
            + body,
        "Bridge closes",
        "\"2024-03-05\"",
        "\"Ann Lee\"");
    page(
        "0002",
        "<title>Other headline</title>" + body,
        "Right headline",
        "\"2024-01-01\"",
        "\"Bo Chan\"");
    CliRun r = CliRun.of("eval", "metadata", "--path", dir.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"pages\":2")
        .contains("\"titleExact\":0.5")
        .contains("\"dateRecall\":0.5")
        .contains("\"datePrecision\":1.0")
        .contains("\"authorPrecision\":1.0")
        .contains("\"authorRecall\":0.5");
    CliRun shown = CliRun.of("eval", "metadata", "--path", dir.toString(), "--show", "5");
    assertThat(shown.out()).contains("0002").contains("Right headline").doesNotContain("0001\n");
  }

  @Test
  void aFolderWithoutLabelsIsAOneLineError() {
    CliRun r = CliRun.of("eval", "metadata", "--path", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("ground-truth");
  }
}
