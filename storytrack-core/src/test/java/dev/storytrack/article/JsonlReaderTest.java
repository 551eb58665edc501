package dev.storytrack.article;

import static dev.storytrack.article.ReaderTestSupport.read;
import static dev.storytrack.article.ReaderTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {
  @TempDir Path dir;

  @Test
  void readsAllFieldsIgnoringUnknownOnesAndBlankLines() throws IOException {
    Path f =
        write(
            dir.resolve("a.ndjson"),
            """
        {"id":"x1","url":"https://e.com/1","source":"E","title":"T","published":"2019-04-02T10:00:00Z","text":"Body","extra":{"nested":[1,2]},"n":3}

        {"id":42,"html":"<p>h</p>","title":null}\r
        """);
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .containsExactly(
            new Article(
                "x1",
                "E",
                "https://e.com/1",
                "T",
                Instant.parse("2019-04-02T10:00:00Z"),
                "Body",
                null),
            new Article("42", "", "", "", null, "", "<p>h</p>"));
  }

  @Test
  void badRecordsAreSkippedWithTheirLineAndReason() throws IOException {
    Path f =
        write(
            dir.resolve("bad.jsonl"),
            String.join(
                "\n",
                "{\"id\":\"ok1\",\"text\":\"x\"}",
                "",
                "{\"id\":\"broken\",\"text\":\"x\"",
                "{\"text\":\"no id and no url\"}",
                "{\"id\":\"e\",\"text\":\"  \",\"html\":\"\",\"title\":\"\"}",
                "{\"id\":\"p\",\"text\":\"x\",\"published\":\"last Tuesday\"}",
                "[1,2]",
                "{\"id\":true,\"text\":\"x\"}",
                "{\"id\":\"t\",\"text\":[\"x\"]}",
                "{\"id\":\"two\",\"text\":\"x\"} {\"id\":\"three\"}",
                "{\"id\":\"ok2\",\"text\":\"y\"}",
                ""));
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).extracting(Article::id).containsExactly("ok1", "ok2");
    assertThat(r.problems)
        .extracting(ReadProblem::location)
        .containsExactly(
            f + ":3", f + ":4", f + ":5", f + ":6", f + ":7", f + ":8", f + ":9", f + ":10");
    assertThat(r.problems)
        .extracting(ReadProblem::reason)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith("malformed JSON: Unexpected end-of-input")
                    .doesNotContain("\n", "[Source"),
            m ->
                assertThat(m)
                    .isEqualTo(
                        "missing required field \"id\" (other field names? --field id=NAME,text=NAME)"),
            m ->
                assertThat(m)
                    .isEqualTo(
                        "title, text and html all empty (other field names? --field id=NAME,text=NAME)"),
            m -> assertThat(m).isEqualTo("unparseable \"published\": \"last Tuesday\""),
            m -> assertThat(m).isEqualTo("not a JSON object"),
            m -> assertThat(m).isEqualTo("field \"id\" must be a string or number"),
            m -> assertThat(m).isEqualTo("field \"text\" must be a string"),
            m -> assertThat(m).startsWith("malformed JSON: "));
    assertThat(r.summary).isEqualTo(new ReadSummary(2, 8));
  }

  @Test
  void escapedLoneSurrogatesAreRefusedInEveryFieldWhilePairsAndLookalikesPass() throws IOException {
    // The reader skips the per-field surrogate scan for lines without a surrogate escape
    // (Bytes.mayEscapeSurrogate): every way of writing one must still be caught.
    String bs = "\\";
    Path f =
        write(
            dir.resolve("s.jsonl"),
            String.join(
                "\n",
                "{\"id\":\"a" + bs + "ud800\",\"text\":\"x\"}",
                "{\"id\":\"b\",\"text\":\"x " + bs + "uDC00 y\"}",
                "{\"id\":\"c\",\"title\":\"t" + bs + "uDbFf\",\"text\":\"x\"}",
                "{\"id\":\"d\",\"url\":\"" + bs + "udfff\",\"text\":\"x\"}",
                "{\"id\":\"e\",\"source\":\"" + bs + "uD83D\",\"text\":\"x\"}",
                "{\"id\":\"f\",\"html\":\"<p>" + bs + "uDE00</p>\"}",
                "{\"id\":\"g\",\"text\":\"pair " + bs + "uD83D" + bs + "uDE00 ok\"}",
                "{\"id\":\"h\",\"text\":\"escaped backslash " + bs + bs + "uD800 is text\"}",
                "{\"id\":\"i\",\"text\":\"raw pair \uD83D\uDE00 and " + bs + "u00e9\"}",
                ""));
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).extracting(Article::id).containsExactly("g", "h", "i");
    assertThat(r.articles.get(0).text()).isEqualTo("pair \uD83D\uDE00 ok");
    assertThat(r.articles.get(1).text()).isEqualTo("escaped backslash " + bs + "uD800 is text");
    assertThat(r.problems)
        .extracting(ReadProblem::reason)
        .containsExactly(
            "field \"id\" is not valid Unicode (lone surrogate)",
            "field \"text\" is not valid Unicode (lone surrogate)",
            "field \"title\" is not valid Unicode (lone surrogate)",
            "field \"url\" is not valid Unicode (lone surrogate)",
            "field \"source\" is not valid Unicode (lone surrogate)",
            "field \"html\" is not valid Unicode (lone surrogate)");
  }

  @Test
  void longLinesSpanningManyBuffersAreRead() throws IOException {
    String big = "w".repeat(300_000);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++)
      sb.append("{\"id\":").append(i).append(",\"text\":\"").append(big).append(i).append("\"}\n");
    sb.append("{\"id\":\"last\",\"text\":\"no newline at the end\"}");
    ReaderTestSupport r = read(Format.AUTO, write(dir.resolve("long.jsonl"), sb.toString()));
    assertThat(r.problems).isEmpty();
    assertThat(r.articles).extracting(Article::id).containsExactly("0", "1", "2", "3", "4", "last");
    assertThat(r.articles.get(3).text()).isEqualTo(big + 3);
  }

  @Test
  void lineSplitterReportsLineNumbersAndOffsets() throws IOException {
    byte[] data = ReaderTestSupport.utf8("ab\n\ncde\r\nf");
    var lines = new JsonlReader.LineSplitter(new java.io.ByteArrayInputStream(data));
    StringBuilder seen = new StringBuilder();
    while (lines.next()) {
      seen.append(lines.number)
          .append('@')
          .append(lines.offset)
          .append('=')
          .append(
              new String(
                  lines.buffer, lines.start, lines.length, java.nio.charset.StandardCharsets.UTF_8))
          .append('|');
    }
    assertThat(seen.toString()).isEqualTo("1@0=ab|2@3=|3@4=cde\r|4@9=f|");
  }

  @Test
  void aLineOverTheCapIsReadThroughAndDroppedWithBoundedMemory() throws Exception {
    byte[] data =
        ("short\n" + "x".repeat(100_000) + "\nafter\n" + "y".repeat(5000))
            .getBytes(StandardCharsets.UTF_8);
    var lines = new JsonlReader.LineSplitter(new java.io.ByteArrayInputStream(data), 4096);
    java.util.List<String> seen = new java.util.ArrayList<>();
    while (lines.next()) {
      seen.add(
          lines.tooLong
              ? "TOO LONG@" + lines.offset
              : new String(lines.buffer, lines.start, lines.length, StandardCharsets.UTF_8));
      assertThat(lines.buffer.length).isLessThanOrEqualTo(1 << 16);
    }
    assertThat(seen).containsExactly("short", "TOO LONG@6", "after", "TOO LONG@100013");
  }
}
