package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {
  private static final Article FULL =
      new Article(
          "a1",
          "Example",
          "https://e.com/x",
          "Title \"quoted\"",
          Instant.parse("2019-04-02T10:00:00.123Z"),
          "Line one\n\nLine two \u2028 caf\u00e9 \uD83D\uDE00",
          "<p>x</p>");

  @Test
  void writesExactlyTheSchemaInOrder() {
    assertThat(ArticleJson.toLine(Article.ofText("id", "T", "x")))
        .isEqualTo(
            "{\"id\":\"id\",\"url\":\"\",\"source\":\"\",\"title\":\"T\",\"published\":null,\"text\":\"x\"}");
    assertThat(ArticleJson.toLine(FULL))
        .startsWith("{\"id\":\"a1\",\"url\":\"https://e.com/x\",\"source\":\"Example\"")
        .contains("\"published\":\"2019-04-02T10:00:00.123Z\"")
        .endsWith(",\"html\":\"<p>x</p>\"}")
        .doesNotContain("\n");
  }

  @Test
  void roundTripsThroughLinesAndObjects() throws IOException {
    assertThat(ArticleJson.fromLine(ArticleJson.toLine(FULL))).isEqualTo(FULL);
    assertThat(ArticleJson.fromObject(ArticleJson.toObject(FULL))).isEqualTo(FULL);
    assertThat(ArticleJson.toObject(FULL).toString()).isEqualTo(ArticleJson.toLine(FULL));
    StringWriter w = new StringWriter();
    ArticleJson.writeLine(FULL, w);
    ArticleJson.writeLine(Article.ofText("b", "", "y"), w);
    assertThat(w.toString()).endsWith("\n").hasLineCount(2);
    assertThat(ArticleJson.fromLine(w.toString().lines().toList().get(1)))
        .isEqualTo(Article.ofText("b", "", "y"));
  }

  @Test
  void rejectsInvalidRecordsWithTheReason() {
    assertThatThrownBy(() -> ArticleJson.fromLine("{\"text\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing required field \"id\" (other field names? --field id=NAME,text=NAME)");
    assertThatThrownBy(() -> ArticleJson.fromLine("{\"id\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed JSON: ");
  }
}
